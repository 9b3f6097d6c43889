#include "features/attachment/attachment_store.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/org_scope.hpp"

namespace liandong::attachment {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::string_view kInsert = R"sql(
  INSERT INTO attachment (org_id, assignment_id, supervision_id, file_name, content_type, size, stored_name, sm3,
                          created_by, created_at)
  VALUES (:org_id, :assignment_id, :supervision_id, :file_name, :content_type, :size, :stored_name, :sm3,
          :created_by, :created_at)
  RETURNING id
)sql";

constexpr std::string_view kSelect = R"sql(
  SELECT id, org_id, assignment_id, report_id, supervision_id, supervision_event_id, file_name, content_type, size,
         stored_name, created_at
  FROM attachment
)sql";

constexpr std::string_view kLinkToReport = R"sql(
  UPDATE attachment SET report_id = :report_id
  WHERE id = :id AND assignment_id = :assignment_id AND report_id IS NULL
)sql";

constexpr std::string_view kLinkToEvent = R"sql(
  UPDATE attachment SET supervision_event_id = :event_id
  WHERE id = :id AND supervision_id = :supervision_id AND supervision_event_id IS NULL
)sql";

struct Kind {
  std::string_view magic;
  std::vector<std::string_view> extensions;
  std::string_view content_type;
};

const std::vector<Kind>& Kinds() {
  static const std::vector<Kind> kinds = {
      {"%PDF-", {".pdf"}, "application/pdf"},
      {"\x89PNG\r\n\x1a\n", {".png"}, "image/png"},
      {"\xff\xd8\xff", {".jpg", ".jpeg"}, "image/jpeg"},
      {"PK\x03\x04", {".docx"}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"PK\x03\x04", {".xlsx"}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"PK\x03\x04", {".pptx"}, "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {std::string_view("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8), {".doc"}, "application/msword"},
      {std::string_view("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8), {".xls"}, "application/vnd.ms-excel"},
  };
  return kinds;
}

std::string LowerExtension(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string extension(file_name.substr(dot));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

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
                      created_at};
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

std::string IdList(const std::vector<std::int64_t>& ids) {
  std::string list;
  for (const std::int64_t id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  return list;
}

}  // namespace

std::optional<std::string> DetectContentType(std::string_view file_name, std::string_view content) {
  const std::string extension = LowerExtension(file_name);
  for (const Kind& kind : Kinds()) {
    if (!content.starts_with(kind.magic)) continue;
    if (std::find(kind.extensions.begin(), kind.extensions.end(), extension) != kind.extensions.end()) {
      return std::string(kind.content_type);
    }
  }
  return std::nullopt;
}

std::optional<std::string> CleanFileName(std::string_view file_name) {
  const auto slash = file_name.find_last_of("/\\");
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  std::string clean;
  for (const char c : file_name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '"') continue;
    clean.push_back(c);
  }
  while (!clean.empty() && (clean.front() == ' ' || clean.front() == '.')) clean.erase(clean.begin());
  while (!clean.empty() && clean.back() == ' ') clean.pop_back();
  if (clean.empty() || clean.size() > 200) return std::nullopt;
  return clean;
}

AttachmentStore::AttachmentStore(db::Database& database, const core::Clock& clock, const org::OrgService& org_service,
                                 std::filesystem::path directory)
    : database_(database), clock_(clock), org_service_(org_service), directory_(std::move(directory)) {}

std::pair<Attachment, std::string> AttachmentStore::Download(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "task:read");
  db::Session session(database_);
  auto attachment = Find(session.sql(), id);
  const auto org = attachment ? org_service_.FindOrg(session.sql(), attachment->org_id) : std::nullopt;
  if (!org) throw AppError(ErrorKind::kNotFound, "attachment.not_found");
  if (!core::OrgScope::Of(actor).Contains(org->path)) throw core::OutOfScope("attachment.not_found");
  std::string content = ReadContent(*attachment);
  return {std::move(*attachment), std::move(content)};
}

Attachment AttachmentStore::Save(soci::session& sql, const core::Actor& actor, const Owner& owner,
                                 std::string_view file_name, std::string_view content) const {
  const auto name = CleanFileName(file_name);
  if (!name) throw AppError(ErrorKind::kInvalidArgument, "attachment.invalid_name");
  if (content.empty()) throw AppError(ErrorKind::kInvalidArgument, "attachment.empty");
  if (content.size() > kMaxFileBytes) throw AppError(ErrorKind::kPayloadTooLarge, "attachment.too_large");
  const auto content_type = DetectContentType(*name, content);
  if (!content_type) throw AppError(ErrorKind::kInvalidArgument, "attachment.type_not_allowed", *name);

  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  ::chmod(directory_.c_str(), 0700);
  const std::string stored_name = core::RandomHex(16);
  const std::filesystem::path path = directory_ / stored_name;
  {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(content.data(), static_cast<std::streamsize>(content.size()));
    file.close();
    if (!file) throw AppError(ErrorKind::kInternal, "attachment.write_failed", "cannot write an attachment file");
  }
  ::chmod(path.c_str(), 0600);

  const long long org_id = owner.org_id;
  const long long assignment_id = owner.assignment_id.value_or(0);
  soci::indicator assignment_indicator = owner.assignment_id ? soci::i_ok : soci::i_null;
  const long long supervision_id = owner.supervision_id.value_or(0);
  soci::indicator supervision_indicator = owner.supervision_id ? soci::i_ok : soci::i_null;
  const long long size = static_cast<long long>(content.size());
  const std::string digest = core::Sm3Hex(content);
  const long long created_by = actor.user_id;
  const long long now = clock_.NowSeconds();
  long long id = 0;
  sql << kInsert, soci::use(org_id, "org_id"), soci::use(assignment_id, assignment_indicator, "assignment_id"),
      soci::use(supervision_id, supervision_indicator, "supervision_id"), soci::use(*name, "file_name"),
      soci::use(*content_type, "content_type"), soci::use(size, "size"), soci::use(stored_name, "stored_name"),
      soci::use(digest, "sm3"), soci::use(created_by, "created_by"), soci::use(now, "created_at"), soci::into(id);
  return *Find(sql, id);
}

std::optional<Attachment> AttachmentStore::Find(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  auto rows = Select(sql, " WHERE id = :id", [&](soci::statement& statement) {
    statement.exchange(soci::use(key, "id"));
  });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Attachment> AttachmentStore::ListOfReports(soci::session& sql,
                                                       const std::vector<std::int64_t>& report_ids) const {
  if (report_ids.empty()) return {};
  // Ids are integers from the database, never user text.
  return Select(sql, " WHERE report_id IN (" + IdList(report_ids) + ") ORDER BY id", [](soci::statement&) {});
}

std::vector<Attachment> AttachmentStore::ListOfSupervisionEvents(soci::session& sql,
                                                                 std::int64_t supervision_id) const {
  const long long key = supervision_id;
  return Select(sql, " WHERE supervision_id = :id AND supervision_event_id IS NOT NULL ORDER BY id",
                [&](soci::statement& statement) { statement.exchange(soci::use(key, "id")); });
}

void AttachmentStore::LinkToReport(soci::session& sql, const std::vector<std::int64_t>& ids,
                                   std::int64_t assignment_id, std::int64_t report_id) const {
  const long long report = report_id;
  const long long assignment = assignment_id;
  for (const std::int64_t id : ids) {
    const long long key = id;
    soci::statement statement = (sql.prepare << kLinkToReport, soci::use(report, "report_id"), soci::use(key, "id"),
                                 soci::use(assignment, "assignment_id"));
    statement.execute(true);
    if (statement.get_affected_rows() != 1) throw AppError(ErrorKind::kInvalidArgument, "attachment.not_found");
  }
}

void AttachmentStore::LinkToSupervisionEvent(soci::session& sql, const std::vector<std::int64_t>& ids,
                                             std::int64_t supervision_id, std::int64_t event_id) const {
  const long long event = event_id;
  const long long supervision = supervision_id;
  for (const std::int64_t id : ids) {
    const long long key = id;
    soci::statement statement = (sql.prepare << kLinkToEvent, soci::use(event, "event_id"), soci::use(key, "id"),
                                 soci::use(supervision, "supervision_id"));
    statement.execute(true);
    if (statement.get_affected_rows() != 1) throw AppError(ErrorKind::kInvalidArgument, "attachment.not_found");
  }
}

std::string AttachmentStore::ReadContent(const Attachment& attachment) const {
  std::ifstream file(directory_ / attachment.stored_name, std::ios::binary);
  if (!file) throw AppError(ErrorKind::kNotFound, "attachment.missing", attachment.stored_name);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

}  // namespace liandong::attachment
