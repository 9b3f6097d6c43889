// The audit log: who did what to which record, from where, with what result. Entries are written
// in the caller's transaction, so a change and its audit row commit or roll back together.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/clock.hpp"

namespace liandong::audit {

struct AuditEntry {
  std::string action;       // "member.unmask", "org.create", "org.move", …
  std::string target_kind;  // "member", "org", …
  std::optional<std::int64_t> target_id;
  std::string result = "ok";
  std::string detail;  // never personal data in the clear
};

class AuditService {
 public:
  explicit AuditService(const core::Clock& clock) : clock_(clock) {}

  void Record(soci::session& sql, const core::Actor& actor, const AuditEntry& entry) const;
  // Rows recorded for a target, oldest first (for tests and, later, the audit page).
  std::int64_t CountFor(soci::session& sql, const std::string& action, std::int64_t target_id) const;

 private:
  const core::Clock& clock_;
};

}  // namespace liandong::audit
