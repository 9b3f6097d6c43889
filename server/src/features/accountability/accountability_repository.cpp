#include "features/accountability/accountability_repository.hpp"

#include <string_view>
#include <vector>

#include "db/org_scope_binding.hpp"

namespace liandong::accountability {
namespace {

constexpr std::string_view kSelectRecords = R"sql(
  SELECT c.id, o.id, o.name, o.level, t.id, t.name, t.level,
         c.assignment_id, k.title, c.supervision_id, s.title, c.duty_item_id, d.description,
         c.measure, c.subject, c.reason, c.decided_on, c.created_at
  FROM accountability c
  JOIN org o ON o.id = c.org_id
  JOIN org t ON t.id = c.target_org_id
  LEFT JOIN task_assignment a ON a.id = c.assignment_id
  LEFT JOIN task k ON k.id = a.task_id
  LEFT JOIN supervision s ON s.id = c.supervision_id
  LEFT JOIN duty_item d ON d.id = c.duty_item_id
)sql";
constexpr std::string_view kWhereId = " WHERE c.id = :id";
constexpr std::string_view kWhereTargetInSubtree = R"sql(
  WHERE t.path >= :scope AND t.path < :scope_end
  ORDER BY c.created_at DESC, c.id DESC
  LIMIT :limit OFFSET :offset
)sql";
constexpr std::string_view kCountInSubtree = R"sql(
  SELECT COUNT(*)
  FROM accountability c
  JOIN org t ON t.id = c.target_org_id
  WHERE t.path >= :scope AND t.path < :scope_end
)sql";

constexpr std::string_view kInsert = R"sql(
  INSERT INTO accountability (org_id, target_org_id, assignment_id, supervision_id, duty_item_id, measure, subject,
                              reason, decided_on, created_by, created_at)
  VALUES (:org_id, :target_org_id, :assignment_id, :supervision_id, :duty_item_id, :measure, :subject, :reason,
          :decided_on, :created_by, :created_at)
  RETURNING id
)sql";

// A nullable link: its id and label columns.
struct LinkColumns {
  long long id = 0;
  soci::indicator id_indicator = soci::i_null;
  std::string label;
  soci::indicator label_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id, id_indicator));
    statement.exchange(soci::into(label, label_indicator));
  }
  std::optional<LinkRef> ToLink() const {
    if (id_indicator != soci::i_ok) return std::nullopt;
    return LinkRef{id, label_indicator == soci::i_ok ? label : std::string()};
  }
};

struct RecordColumns {
  long long id = 0;
  long long org_id = 0;
  std::string org_name;
  std::string org_level;
  long long target_id = 0;
  std::string target_name;
  std::string target_level;
  LinkColumns assignment;
  LinkColumns supervision;
  LinkColumns duty_item;
  std::string measure;
  std::string subject;
  std::string reason;
  std::string decided_on;
  long long created_at = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(org_id));
    statement.exchange(soci::into(org_name));
    statement.exchange(soci::into(org_level));
    statement.exchange(soci::into(target_id));
    statement.exchange(soci::into(target_name));
    statement.exchange(soci::into(target_level));
    assignment.Into(statement);
    supervision.Into(statement);
    duty_item.Into(statement);
    statement.exchange(soci::into(measure));
    statement.exchange(soci::into(subject));
    statement.exchange(soci::into(reason));
    statement.exchange(soci::into(decided_on));
    statement.exchange(soci::into(created_at));
  }

  Accountability ToRecord() const {
    return Accountability{id,
                          OrgRef{org_id, org_name, org_level},
                          OrgRef{target_id, target_name, target_level},
                          assignment.ToLink(),
                          supervision.ToLink(),
                          duty_item.ToLink(),
                          measure,
                          subject,
                          reason,
                          decided_on,
                          created_at};
  }
};

template <typename Bind>
std::vector<Accountability> SelectRecords(soci::session& sql, std::string_view where, Bind bind) {
  RecordColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(std::string(kSelectRecords) + std::string(where));
  statement.define_and_bind();
  statement.execute();
  std::vector<Accountability> records;
  while (statement.fetch()) records.push_back(columns.ToRecord());
  return records;
}

}  // namespace

std::optional<Accountability> AccountabilityRepository::Find(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  auto records =
      SelectRecords(sql, kWhereId, [&](soci::statement& statement) { statement.exchange(soci::use(key, "id")); });
  if (records.empty()) return std::nullopt;
  return std::move(records.front());
}

AccountabilityPage AccountabilityRepository::List(soci::session& sql, const core::OrgScope& scope,
                                                  std::int64_t offset, std::int64_t limit) const {
  const long long page_offset = offset;
  const long long page_limit = limit;
  AccountabilityPage page;
  long long total = 0;
  sql << kCountInSubtree, db::UseScope{scope}, soci::into(total);
  page.total = total;
  page.items = SelectRecords(sql, kWhereTargetInSubtree, [&](soci::statement& statement) {
    db::BindScope(statement, scope);
    statement.exchange(soci::use(page_limit, "limit"));
    statement.exchange(soci::use(page_offset, "offset"));
  });
  return page;
}

std::int64_t AccountabilityRepository::Insert(soci::session& sql, std::int64_t org_id, const NewAccountability& input,
                                              std::int64_t created_by, std::int64_t now) const {
  const long long deciding_org = org_id;
  const long long target = input.target_org_id;
  const long long assignment_id = input.assignment_id.value_or(0);
  soci::indicator assignment_indicator = input.assignment_id ? soci::i_ok : soci::i_null;
  const long long supervision_id = input.supervision_id.value_or(0);
  soci::indicator supervision_indicator = input.supervision_id ? soci::i_ok : soci::i_null;
  const long long duty_item_id = input.duty_item_id.value_or(0);
  soci::indicator duty_item_indicator = input.duty_item_id ? soci::i_ok : soci::i_null;
  const long long user = created_by;
  const long long created_at = now;
  long long id = 0;
  sql << kInsert, soci::use(deciding_org, "org_id"), soci::use(target, "target_org_id"),
      soci::use(assignment_id, assignment_indicator, "assignment_id"),
      soci::use(supervision_id, supervision_indicator, "supervision_id"),
      soci::use(duty_item_id, duty_item_indicator, "duty_item_id"), soci::use(input.measure, "measure"),
      soci::use(input.subject, "subject"), soci::use(input.reason, "reason"), soci::use(input.decided_on, "decided_on"),
      soci::use(user, "created_by"), soci::use(created_at, "created_at"), soci::into(id);
  return id;
}

}  // namespace liandong::accountability
