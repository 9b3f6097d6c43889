// The audit log's writer: who did what to which record, from where, with what result. Every
// feature records through it, so it lives below the features (a rule several features need, like
// the org scope). Entries are written in the caller's transaction, so a change and its audit row
// commit or roll back together. The log is a hash chain under a key kept outside the database:
// VerifyChain finds any row edited or deleted, and a truncated table.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/clock.hpp"

namespace liandong::db {

struct AuditRow;

struct AuditEntry {
  std::string action;       // "member.unmask", "org.create", "org.move", …
  std::string target_kind;  // "member", "org", …
  std::optional<std::int64_t> target_id;
  std::string result = "ok";
  std::string detail;  // never personal data in the clear
};

struct ChainReport {
  bool intact = true;
  std::int64_t rows = 0;
  std::optional<std::int64_t> broken_at;  // the id of the first row that does not fit
  std::string reason;
};

class AuditWriter {
 public:
  // `key`: at least 32 bytes, derived from the master key (core/keys.hpp).
  AuditWriter(const core::Clock& clock, std::string key);

  // Records what `actor` did, in the caller's transaction.
  void Record(soci::session& sql, const core::Actor& actor, const AuditEntry& entry) const;
  // Records an event with no signed-in actor (a failed login, a start-up).
  void RecordAnonymous(soci::session& sql, const AuditEntry& entry, const std::string& remote_address,
                       const std::string& request_id) const;
  // Records an event of a known user who is not (yet) signed in: a login, ok or failed.
  void RecordForUser(soci::session& sql, std::int64_t user_id, std::int64_t org_id, const AuditEntry& entry,
                     const std::string& remote_address, const std::string& request_id) const;
  // How many rows record `action` on `target_id`.
  std::int64_t CountFor(soci::session& sql, const std::string& action, std::int64_t target_id) const;
  // Walks the whole chain from the first row (or the anchor a purge left) to the head.
  ChainReport VerifyChain(soci::session& sql) const;
  // Retention, in the caller's write transaction: records the purge, then deletes the rows older
  // than `cutoff` (unix seconds) from the start of the chain and anchors the first kept row.
  // Returns how many rows went. The database itself refuses to delete a row within 184 days of
  // the newest one, whatever the caller asks.
  std::int64_t Purge(soci::session& sql, std::int64_t cutoff) const;

 private:
  void Append(soci::session& sql, AuditRow& row) const;
  std::string RowHash(const AuditRow& row) const;
  std::string HeadMac(std::int64_t last_id, const std::string& last_hash) const;
  std::string AnchorMac(std::int64_t first_id, const std::string& previous_hash) const;

  const core::Clock& clock_;
  std::string key_;
};

}  // namespace liandong::db
