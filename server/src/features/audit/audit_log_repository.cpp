#include "features/audit/audit_log_repository.hpp"

#include <string>
#include <string_view>

#include "db/org_scope_binding.hpp"

namespace liandong::audit {
namespace {

constexpr std::string_view kSelectCount = "SELECT COUNT(*)";
constexpr std::string_view kSelectColumns = R"sql(
  SELECT a.id, a.at, a.user_id, COALESCE(u.username, ''), a.org_id, COALESCE(o.name, ''), a.action, a.target_kind,
         a.target_id, a.result, a.remote_address, a.request_id, a.detail
)sql";
constexpr std::string_view kFromScope = R"sql(
  FROM audit_log a
  LEFT JOIN user_account u ON u.id = a.user_id
  LEFT JOIN org o ON o.id = a.org_id
  WHERE ((o.path >= :scope AND o.path < :scope_end) OR (a.org_id IS NULL AND :include_actorless = 1))
)sql";
// The optional conditions, appended in this order when the filter names them.
constexpr std::string_view kAtOrAfter = " AND a.at >= :from";
constexpr std::string_view kBefore = " AND a.at < :to";
constexpr std::string_view kActionPrefix = " AND a.action LIKE :action";
constexpr std::string_view kResultIs = " AND a.result = :result";
constexpr std::string_view kUsernameIs = " AND u.username = :username";
constexpr std::string_view kNewestFirstPaged = " ORDER BY a.id DESC LIMIT :limit OFFSET :offset";

// The query text for `filter` and the values its placeholders take; `Bind` adds them to a statement.
class FilteredQuery {
 public:
  FilteredQuery(const core::OrgScope& scope, ActorlessRows actorless, const AuditFilter& filter)
      : scope_(scope),
        filter_(filter),
        include_actorless_(actorless == ActorlessRows::kInclude ? 1 : 0),
        action_prefix_(filter.action + "%") {
    conditions_ = std::string(kFromScope);
    if (filter.from) conditions_ += kAtOrAfter;
    if (filter.to) conditions_ += kBefore;
    if (!filter.action.empty()) conditions_ += kActionPrefix;
    if (!filter.result.empty()) conditions_ += kResultIs;
    if (!filter.username.empty()) conditions_ += kUsernameIs;
  }

  const std::string& Conditions() const { return conditions_; }

  void Bind(soci::details::prepare_temp_type& prepared) const {
    prepared, db::UseScope{scope_}, soci::use(include_actorless_, "include_actorless");
    if (filter_.from) prepared, soci::use(*filter_.from, "from");
    if (filter_.to) prepared, soci::use(*filter_.to, "to");
    if (!filter_.action.empty()) prepared, soci::use(action_prefix_, "action");
    if (!filter_.result.empty()) prepared, soci::use(filter_.result, "result");
    if (!filter_.username.empty()) prepared, soci::use(filter_.username, "username");
  }

 private:
  const core::OrgScope& scope_;
  const AuditFilter& filter_;
  const int include_actorless_;
  const std::string action_prefix_;
  std::string conditions_;
};

}  // namespace

std::int64_t AuditLogRepository::Count(soci::session& sql, const core::OrgScope& scope, ActorlessRows actorless,
                                       const AuditFilter& filter) const {
  const FilteredQuery query(scope, actorless, filter);
  long long total = 0;
  auto prepared = (sql.prepare << std::string(kSelectCount) + query.Conditions());
  query.Bind(prepared);
  prepared, soci::into(total);
  soci::statement statement(prepared);
  statement.execute(true);
  return total;
}

std::vector<AuditRecord> AuditLogRepository::List(soci::session& sql, const core::OrgScope& scope,
                                                  ActorlessRows actorless, const AuditFilter& filter,
                                                  std::int64_t offset, std::int64_t limit) const {
  const FilteredQuery query(scope, actorless, filter);
  std::vector<AuditRecord> records;
  AuditRecord record;
  long long user_id = 0;
  long long org_id = 0;
  long long target_id = 0;
  soci::indicator user_indicator = soci::i_null;
  soci::indicator org_indicator = soci::i_null;
  soci::indicator target_indicator = soci::i_null;
  auto prepared = (sql.prepare << std::string(kSelectColumns) + query.Conditions() + std::string(kNewestFirstPaged));
  query.Bind(prepared);
  prepared, soci::use(limit, "limit"), soci::use(offset, "offset");
  prepared, soci::into(record.id), soci::into(record.at), soci::into(user_id, user_indicator),
      soci::into(record.username), soci::into(org_id, org_indicator), soci::into(record.org_name),
      soci::into(record.action), soci::into(record.target_kind), soci::into(target_id, target_indicator),
      soci::into(record.result), soci::into(record.remote_address), soci::into(record.request_id),
      soci::into(record.detail);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) {
    AuditRecord copy = record;
    if (user_indicator == soci::i_ok) copy.user_id = user_id;
    if (org_indicator == soci::i_ok) copy.org_id = org_id;
    if (target_indicator == soci::i_ok) copy.target_id = target_id;
    records.push_back(std::move(copy));
  }
  return records;
}

}  // namespace liandong::audit
