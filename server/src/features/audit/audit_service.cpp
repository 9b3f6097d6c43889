#include "features/audit/audit_service.hpp"

#include <string_view>

namespace liandong::audit {
namespace {

constexpr std::string_view kInsertAuditEntry = R"sql(
  INSERT INTO audit_log (at, user_id, org_id, action, target_kind, target_id, result, remote_address, request_id,
                         detail)
  VALUES (:at, :user_id, :org_id, :action, :target_kind, :target_id, :result, :remote_address, :request_id, :detail)
)sql";

constexpr std::string_view kCountAuditEntries =
    "SELECT COUNT(*) FROM audit_log WHERE action = :action AND target_id = :target_id";

}  // namespace

void AuditService::Record(soci::session& sql, const core::Actor& actor, const AuditEntry& entry) const {
  const long long at = clock_.NowSeconds();
  const long long target_id = entry.target_id.value_or(0);
  soci::indicator target_indicator = entry.target_id ? soci::i_ok : soci::i_null;
  sql << kInsertAuditEntry, soci::use(at, "at"), soci::use(actor.user_id, "user_id"), soci::use(actor.org_id, "org_id"),
      soci::use(entry.action, "action"), soci::use(entry.target_kind, "target_kind"),
      soci::use(target_id, target_indicator, "target_id"), soci::use(entry.result, "result"),
      soci::use(actor.remote_address, "remote_address"), soci::use(actor.request_id, "request_id"),
      soci::use(entry.detail, "detail");
}

std::int64_t AuditService::CountFor(soci::session& sql, const std::string& action, std::int64_t target_id) const {
  long long count = 0;
  sql << kCountAuditEntries, soci::use(action, "action"), soci::use(target_id, "target_id"), soci::into(count);
  return count;
}

}  // namespace liandong::audit
