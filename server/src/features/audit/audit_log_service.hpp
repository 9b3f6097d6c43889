// The audit administrator's view of the audit log (三员分立): search, export, verify. It reads
// only; nothing in the product edits or deletes audit rows. An auditor sees the rows of actors in
// their subtree; one at the root also sees rows with no actor (failed logins and the like).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "features/audit/audit_service.hpp"

namespace liandong::audit {

struct AuditFilter {
  std::optional<std::int64_t> from;  // unix seconds, inclusive
  std::optional<std::int64_t> to;    // unix seconds, exclusive
  std::string action;                // a prefix: "auth." or "member.unmask"
  std::string result;                // exact: ok, failed, denied, …
  std::string username;              // exact
  int page = 1;
  int page_size = 50;
};

struct AuditRecord {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> user_id;
  std::string username;
  std::optional<std::int64_t> org_id;
  std::string org_name;
  std::string action;
  std::string target_kind;
  std::optional<std::int64_t> target_id;
  std::string result;
  std::string remote_address;
  std::string request_id;
  std::string detail;
};

struct AuditPage {
  std::vector<AuditRecord> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 50;
};

class AuditLogService {
 public:
  AuditLogService(db::Database& database, const AuditService& audit);

  AuditPage List(const core::Actor& actor, const AuditFilter& filter) const;
  // An .xlsx of the filtered rows (at most 100,000); the export itself is audited.
  std::string Export(const core::Actor& actor, const AuditFilter& filter) const;
  ChainReport Verify(const core::Actor& actor) const;

 private:
  std::pair<std::vector<AuditRecord>, std::int64_t> Query(soci::session& sql, const core::Actor& actor,
                                                          const AuditFilter& filter, bool paged) const;

  db::Database& database_;
  const AuditService& audit_;
};

}  // namespace liandong::audit
