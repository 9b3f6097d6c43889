#include "features/audit/audit_log_service.hpp"

#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/org_scope.hpp"
#include "core/xlsx.hpp"

namespace liandong::audit {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::int64_t kMaxExportRows = 100000;

// An auditor sees the rows of actors in their subtree; one at the root of the tree also sees the
// rows with no actor (failed logins, start-ups), which belong to no subtree.
ActorlessRows ActorlessRowsFor(const core::OrgScope& scope) {
  return scope.IsWholeTree() ? ActorlessRows::kInclude : ActorlessRows::kExclude;
}

}  // namespace

AuditLogService::AuditLogService(db::Database& database, const db::AuditWriter& audit)
    : database_(database), audit_(audit) {}

AuditPage AuditLogService::List(const core::Actor& actor, const AuditFilter& filter) const {
  core::RequirePermission(actor, "audit:read");
  const core::OrgScope scope = core::OrgScope::Of(actor);
  const ActorlessRows actorless = ActorlessRowsFor(scope);
  db::Session session(database_);
  const std::int64_t total = repository_.Count(session.sql(), scope, actorless, filter);
  const std::int64_t offset = static_cast<std::int64_t>(filter.page - 1) * filter.page_size;
  std::vector<AuditRecord> records =
      repository_.List(session.sql(), scope, actorless, filter, offset, filter.page_size);
  return AuditPage{std::move(records), total, filter.page, filter.page_size};
}

std::string AuditLogService::Export(const core::Actor& actor, const AuditFilter& filter) const {
  core::RequirePermission(actor, "audit:export");
  const core::OrgScope scope = core::OrgScope::Of(actor);
  const ActorlessRows actorless = ActorlessRowsFor(scope);
  db::Session session(database_);
  const std::int64_t total = repository_.Count(session.sql(), scope, actorless, filter);
  if (total > kMaxExportRows) throw AppError(ErrorKind::kInvalidArgument, "audit.too_many_rows");
  const std::vector<AuditRecord> records = repository_.List(session.sql(), scope, actorless, filter, 0, kMaxExportRows);
  core::Sheet sheet{"审计日志",
                    {"审计日志",
                     "时间范围：" + (filter.from ? core::FormatUtc(*filter.from) : std::string("最早")) + " 至 " +
                         (filter.to ? core::FormatUtc(*filter.to) : std::string("导出时")) + "（UTC）　共 " +
                         std::to_string(total) + " 条"},
                    {"编号", "时间 (UTC)", "用户", "组织", "操作", "对象类型", "对象编号", "结果", "来源地址",
                     "请求编号", "说明"},
                    {}};
  for (const AuditRecord& record : records) {
    sheet.rows.push_back({core::NumberCell(record.id), core::FormatUtc(record.at), record.username, record.org_name,
                          record.action, record.target_kind,
                          record.target_id ? core::NumberCell(*record.target_id) : core::Cell{}, record.result,
                          record.remote_address, record.request_id, record.detail});
  }
  std::string workbook = core::WriteWorkbook(sheet);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  audit_.Record(session.sql(), actor, {"audit.export", "audit_log", std::nullopt, "ok", std::to_string(total) + " rows"});
  transaction.Commit();
  return workbook;
}

db::ChainReport AuditLogService::Verify(const core::Actor& actor) const {
  core::RequirePermission(actor, "audit:read");
  db::Session session(database_);
  return audit_.VerifyChain(session.sql());
}

}  // namespace liandong::audit
