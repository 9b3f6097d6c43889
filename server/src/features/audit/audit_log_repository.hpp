// SQL of the audit log as the audit administrator reads it: rows of the actors in a subtree, with
// their user and org names, filtered and paged. Reads only; db::AuditWriter appends.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <vector>

#include "core/org_scope.hpp"
#include "features/audit/audit_log_model.hpp"

namespace liandong::audit {

class AuditLogRepository {
 public:
  // How many rows in `scope` (and, with kInclude, rows with no actor) match `filter`.
  std::int64_t Count(soci::session& sql, const core::OrgScope& scope, ActorlessRows actorless,
                     const AuditFilter& filter) const;
  // The matching rows, newest first, `limit` of them after skipping `offset`.
  std::vector<AuditRecord> List(soci::session& sql, const core::OrgScope& scope, ActorlessRows actorless,
                                const AuditFilter& filter, std::int64_t offset, std::int64_t limit) const;
};

}  // namespace liandong::audit
