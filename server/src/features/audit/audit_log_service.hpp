// The audit administrator's view of the audit log (三员分立): search, export, verify. It reads
// only; nothing in the product edits or deletes audit rows. An auditor sees the rows of actors in
// their subtree; one at the root also sees rows with no actor (failed logins and the like).
#pragma once

#include <string>

#include "core/actor.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/audit/audit_log_model.hpp"
#include "features/audit/audit_log_repository.hpp"

namespace liandong::audit {

class AuditLogService {
 public:
  AuditLogService(db::Database& database, const db::AuditWriter& audit);

  // A page of the rows the auditor may see, newest first.
  AuditPage List(const core::Actor& actor, const AuditFilter& filter) const;
  // An .xlsx of the filtered rows (at most 100,000); the export itself is audited.
  std::string Export(const core::Actor& actor, const AuditFilter& filter) const;
  // Walks the whole hash chain (db::AuditWriter::VerifyChain).
  db::ChainReport Verify(const core::Actor& actor) const;

 private:
  db::Database& database_;
  const db::AuditWriter& audit_;
  AuditLogRepository repository_;
};

}  // namespace liandong::audit
