#include "features/audit/audit_log_service.hpp"

#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "db/org_scope_binding.hpp"
#include "features/org/org_model.hpp"

namespace liandong::audit {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::int64_t kMaxExportRows = 100000;

constexpr std::string_view kColumns = R"sql(
  SELECT a.id, a.at, a.user_id, COALESCE(u.username, ''), a.org_id, COALESCE(o.name, ''), a.action, a.target_kind,
         a.target_id, a.result, a.remote_address, a.request_id, a.detail
)sql";
constexpr std::string_view kFrom = R"sql(
  FROM audit_log a
  LEFT JOIN user_account u ON u.id = a.user_id
  LEFT JOIN org o ON o.id = a.org_id
  WHERE ((o.path >= :scope AND o.path < :scope_end) OR (a.org_id IS NULL AND :at_root = 1))
)sql";

// The root of the org tree has a path of one id: "/1/".
bool AtRoot(const std::string& path) { return std::count(path.begin(), path.end(), '/') == 2; }

}  // namespace

AuditLogService::AuditLogService(db::Database& database, const AuditService& audit)
    : database_(database), audit_(audit) {}

std::pair<std::vector<AuditRecord>, std::int64_t> AuditLogService::Query(soci::session& sql,
                                                                         const core::Actor& actor,
                                                                         const AuditFilter& filter, bool paged) const {
  const core::OrgScope scope = core::OrgScope::Of(actor);
  const int at_root = AtRoot(actor.org_path) ? 1 : 0;
  const std::string action = filter.action + "%";
  std::string conditions;
  if (filter.from) conditions += " AND a.at >= :from";
  if (filter.to) conditions += " AND a.at < :to";
  if (!filter.action.empty()) conditions += " AND a.action LIKE :action";
  if (!filter.result.empty()) conditions += " AND a.result = :result";
  if (!filter.username.empty()) conditions += " AND u.username = :username";
  const auto bind = [&](soci::details::prepare_temp_type& prepared) {
    prepared, db::UseScope{scope}, soci::use(at_root, "at_root");
    if (filter.from) prepared, soci::use(*filter.from, "from");
    if (filter.to) prepared, soci::use(*filter.to, "to");
    if (!filter.action.empty()) prepared, soci::use(action, "action");
    if (!filter.result.empty()) prepared, soci::use(filter.result, "result");
    if (!filter.username.empty()) prepared, soci::use(filter.username, "username");
  };
  long long total = 0;
  {
    auto prepared = (sql.prepare << "SELECT COUNT(*)" + std::string(kFrom) + conditions);
    bind(prepared);
    prepared, soci::into(total);
    soci::statement statement(prepared);
    statement.execute(true);
  }
  std::vector<AuditRecord> records;
  AuditRecord record;
  long long user_id = 0;
  long long org_id = 0;
  long long target_id = 0;
  soci::indicator user_indicator = soci::i_null;
  soci::indicator org_indicator = soci::i_null;
  soci::indicator target_indicator = soci::i_null;
  const int limit = paged ? filter.page_size : static_cast<int>(kMaxExportRows);
  const long long offset = paged ? static_cast<long long>(filter.page - 1) * filter.page_size : 0;
  auto prepared = (sql.prepare << std::string(kColumns) + std::string(kFrom) + conditions +
                                      " ORDER BY a.id DESC LIMIT :limit OFFSET :offset");
  bind(prepared);
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
  return {std::move(records), total};
}

AuditPage AuditLogService::List(const core::Actor& actor, const AuditFilter& filter) const {
  core::RequirePermission(actor, "audit:read");
  db::Session session(database_);
  auto [records, total] = Query(session.sql(), actor, filter, true);
  return AuditPage{std::move(records), total, filter.page, filter.page_size};
}

std::string AuditLogService::Export(const core::Actor& actor, const AuditFilter& filter) const {
  core::RequirePermission(actor, "audit:export");
  db::Session session(database_);
  auto [records, total] = Query(session.sql(), actor, filter, false);
  if (total > kMaxExportRows) throw AppError(ErrorKind::kInvalidArgument, "audit.too_many_rows");
  core::Sheet sheet{"审计日志",
                    {"编号", "时间 (UTC)", "用户", "组织", "操作", "对象类型", "对象编号", "结果", "来源地址",
                     "请求编号", "说明"},
                    {}};
  for (const AuditRecord& record : records) {
    sheet.rows.push_back({std::to_string(record.id), core::FormatUtc(record.at), record.username, record.org_name,
                          record.action, record.target_kind,
                          record.target_id ? std::to_string(*record.target_id) : "", record.result,
                          record.remote_address, record.request_id, record.detail});
  }
  std::string workbook = core::WriteWorkbook(sheet);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  audit_.Record(session.sql(), actor, {"audit.export", "audit_log", std::nullopt, "ok", std::to_string(total) + " rows"});
  transaction.Commit();
  return workbook;
}

ChainReport AuditLogService::Verify(const core::Actor& actor) const {
  core::RequirePermission(actor, "audit:read");
  db::Session session(database_);
  return audit_.VerifyChain(session.sql());
}

}  // namespace liandong::audit
