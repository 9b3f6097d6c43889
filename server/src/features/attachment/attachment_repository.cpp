#include "features/attachment/attachment_repository.hpp"

#include <string_view>

#include "db/in_list.hpp"

namespace liandong::attachment {
namespace {

constexpr std::string_view kInsert = R"sql(
  INSERT INTO attachment (org_id, assignment_id, supervision_id, request_id, file_name, content_type, size,
                          stored_name, sm3, created_by, created_at)
  VALUES (:org_id, :assignment_id, :supervision_id, :request_id, :file_name, :content_type, :size,
          :stored_name, :sm3, :created_by, :created_at)
  RETURNING id
)sql";

constexpr std::string_view kSelect = R"sql(
  SELECT a.id, a.org_id, a.assignment_id, a.report_id, a.supervision_id, a.supervision_event_id, a.file_name,
         a.content_type, a.size, a.stored_name, a.created_at, a.request_id, a.request_step_id
  FROM attachment a
)sql";
constexpr std::string_view kWhereId = " WHERE a.id = :id";
constexpr std::string_view kWhereSupervisionEventsOrdered =
    " WHERE a.supervision_id = :id AND a.supervision_event_id IS NOT NULL ORDER BY a.id";
constexpr std::string_view kWhereRequestOrdered = " WHERE a.request_id = :id ORDER BY a.id";
constexpr std::string_view kWhereReportIn = " WHERE a.report_id IN ";
constexpr std::string_view kOrderById = " ORDER BY a.id";

constexpr std::string_view kLinkToReport = R"sql(
  UPDATE attachment SET report_id = :report_id
  WHERE id = :id AND assignment_id = :assignment_id AND report_id IS NULL
)sql";

constexpr std::string_view kLinkToEvent = R"sql(
  UPDATE attachment SET supervision_event_id = :event_id
  WHERE id = :id AND supervision_id = :supervision_id AND supervision_event_id IS NULL
)sql";

constexpr std::string_view kLinkToRequestStep = R"sql(
  UPDATE attachment SET request_step_id = :step_id
  WHERE id = :id AND request_id = :request_id AND org_id = :org_id AND request_step_id IS NULL
)sql";

struct Columns {
  long long id = 0;
  long long org_id = 0;
  long long assignment_id = 0;
  soci::indicator assignment_indicator = soci::i_null;
  long long report_id = 0;
  soci::indicator report_indicator = soci::i_null;
  long long supervision_id = 0;
  soci::indicator supervision_indicator = soci::i_null;
  long long event_id = 0;
  soci::indicator event_indicator = soci::i_null;
  std::string file_name;
  std::string content_type;
  long long size = 0;
  std::string stored_name;
  long long created_at = 0;
  long long request_id = 0;
  soci::indicator request_indicator = soci::i_null;
  long long step_id = 0;
  soci::indicator step_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(org_id));
    statement.exchange(soci::into(assignment_id, assignment_indicator));
    statement.exchange(soci::into(report_id, report_indicator));
    statement.exchange(soci::into(supervision_id, supervision_indicator));
    statement.exchange(soci::into(event_id, event_indicator));
    statement.exchange(soci::into(file_name));
    statement.exchange(soci::into(content_type));
    statement.exchange(soci::into(size));
    statement.exchange(soci::into(stored_name));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(request_id, request_indicator));
    statement.exchange(soci::into(step_id, step_indicator));
  }

  static std::optional<std::int64_t> Optional(long long value, soci::indicator indicator) {
    return indicator == soci::i_ok ? std::optional<std::int64_t>(value) : std::nullopt;
  }

  Attachment ToAttachment() const {
    return Attachment{id,
                      org_id,
                      Optional(assignment_id, assignment_indicator),
                      Optional(report_id, report_indicator),
                      Optional(supervision_id, supervision_indicator),
                      Optional(event_id, event_indicator),
                      file_name,
                      content_type,
                      size,
                      stored_name,
                      created_at,
                      Optional(request_id, request_indicator),
                      Optional(step_id, step_indicator)};
  }
};

template <typename Bind>
std::vector<Attachment> Select(soci::session& sql, const std::string& where, Bind bind) {
  Columns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(std::string(kSelect) + where);
  statement.define_and_bind();
  statement.execute();
  std::vector<Attachment> rows;
  while (statement.fetch()) rows.push_back(columns.ToAttachment());
  return rows;
}

}  // namespace

std::int64_t AttachmentRepository::Insert(soci::session& sql, const NewAttachment& attachment, std::int64_t now) const {
  const Owner& owner = attachment.owner;
  const long long org_id = owner.org_id;
  const long long assignment_id = owner.assignment_id.value_or(0);
  soci::indicator assignment_indicator = owner.assignment_id ? soci::i_ok : soci::i_null;
  const long long supervision_id = owner.supervision_id.value_or(0);
  soci::indicator supervision_indicator = owner.supervision_id ? soci::i_ok : soci::i_null;
  const long long request_id = owner.request_id.value_or(0);
  soci::indicator request_indicator = owner.request_id ? soci::i_ok : soci::i_null;
  const long long size = attachment.size;
  const long long created_by = attachment.created_by;
  const long long created_at = now;
  long long id = 0;
  sql << kInsert, soci::use(org_id, "org_id"), soci::use(assignment_id, assignment_indicator, "assignment_id"),
      soci::use(supervision_id, supervision_indicator, "supervision_id"),
      soci::use(request_id, request_indicator, "request_id"), soci::use(attachment.file_name, "file_name"),
      soci::use(attachment.content_type, "content_type"), soci::use(size, "size"),
      soci::use(attachment.stored_name, "stored_name"), soci::use(attachment.sm3, "sm3"),
      soci::use(created_by, "created_by"), soci::use(created_at, "created_at"), soci::into(id);
  return id;
}

std::optional<Attachment> AttachmentRepository::Find(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  auto rows =
      Select(sql, std::string(kWhereId), [&](soci::statement& statement) { statement.exchange(soci::use(key, "id")); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Attachment> AttachmentRepository::ListOfReports(soci::session& sql,
                                                            const std::vector<std::int64_t>& report_ids) const {
  if (report_ids.empty()) return {};
  // Ids are integers from the database, never user text.
  return Select(sql, std::string(kWhereReportIn) + db::InList(report_ids) + std::string(kOrderById),
                [](soci::statement&) {});
}

std::vector<Attachment> AttachmentRepository::ListOfSupervisionEvents(soci::session& sql,
                                                                      std::int64_t supervision_id) const {
  const long long key = supervision_id;
  return Select(sql, std::string(kWhereSupervisionEventsOrdered),
                [&](soci::statement& statement) { statement.exchange(soci::use(key, "id")); });
}

bool AttachmentRepository::LinkToReport(soci::session& sql, std::int64_t id, std::int64_t assignment_id,
                                        std::int64_t report_id) const {
  const long long key = id;
  const long long assignment = assignment_id;
  const long long report = report_id;
  soci::statement statement = (sql.prepare << kLinkToReport, soci::use(report, "report_id"), soci::use(key, "id"),
                               soci::use(assignment, "assignment_id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

bool AttachmentRepository::LinkToSupervisionEvent(soci::session& sql, std::int64_t id, std::int64_t supervision_id,
                                                  std::int64_t event_id) const {
  const long long key = id;
  const long long supervision = supervision_id;
  const long long event = event_id;
  soci::statement statement = (sql.prepare << kLinkToEvent, soci::use(event, "event_id"), soci::use(key, "id"),
                               soci::use(supervision, "supervision_id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

std::vector<Attachment> AttachmentRepository::ListOfRequest(soci::session& sql, std::int64_t request_id) const {
  const long long key = request_id;
  return Select(sql, std::string(kWhereRequestOrdered),
                [&](soci::statement& statement) { statement.exchange(soci::use(key, "id")); });
}

bool AttachmentRepository::LinkToRequestStep(soci::session& sql, std::int64_t id, std::int64_t request_id,
                                             std::int64_t org_id, std::int64_t step_id) const {
  const long long key = id;
  const long long request = request_id;
  const long long org = org_id;
  const long long step = step_id;
  soci::statement statement = (sql.prepare << kLinkToRequestStep, soci::use(step, "step_id"), soci::use(key, "id"),
                               soci::use(request, "request_id"), soci::use(org, "org_id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

}  // namespace liandong::attachment
