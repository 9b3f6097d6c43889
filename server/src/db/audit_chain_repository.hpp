// The rows of the audit log's hash chain (audit_log, audit_chain_head, audit_chain_anchor): plain
// reads and writes, no hashing. db::AuditWriter is the only caller; features write audit rows
// through it, never here.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace liandong::db {

// One audit_log row as stored; NULL columns have an i_null indicator.
struct AuditRow {
  long long id = 0;
  long long at = 0;
  long long user_id = 0;
  soci::indicator user_indicator = soci::i_null;
  long long org_id = 0;
  soci::indicator org_indicator = soci::i_null;
  std::string action;
  std::string target_kind;
  long long target_id = 0;
  soci::indicator target_indicator = soci::i_null;
  std::string result;
  std::string remote_address;
  std::string request_id;
  std::string detail;
  std::string previous_hash;
  std::string row_hash;
};

// The newest row of the chain, and the MAC that pins it (audit_chain_head).
struct AuditChainHead {
  long long last_id = 0;
  std::string last_hash;
  std::string head_mac;
};

// Where a purged chain starts (audit_chain_anchor).
struct AuditChainAnchor {
  long long first_id = 0;
  std::string previous_hash;
  std::string anchor_mac;
};

namespace audit_chain {

// The head; on PostgreSQL locked for update, so that appends happen one at a time (SQLite's write
// lock does this by itself). nullopt before the first row.
std::optional<AuditChainHead> LoadHead(soci::session& sql, bool for_update);
// Inserts the head's row when `exists` is false, updates it otherwise.
void SaveHead(soci::session& sql, bool exists, const AuditChainHead& head);
// Inserts `row` (everything but its id) and sets row.id.
void InsertRow(soci::session& sql, AuditRow& row);
// Calls `visit` for every row in id order; `visit` sees the same object each time.
void ForEachRow(soci::session& sql, const std::function<void(const AuditRow&)>& visit);
std::optional<AuditChainAnchor> LoadAnchor(soci::session& sql);
// Replaces the anchor (there is at most one).
void ReplaceAnchor(soci::session& sql, const AuditChainAnchor& anchor);
// The id of the oldest row at or after `cutoff` (unix seconds), if any.
std::optional<std::int64_t> FirstIdAtOrAfter(soci::session& sql, std::int64_t cutoff);
// How many rows have an id below `id`; with nullopt, how many rows there are.
std::int64_t CountBefore(soci::session& sql, std::optional<std::int64_t> id);
std::string PreviousHashOf(soci::session& sql, std::int64_t id);
void DeleteBefore(soci::session& sql, std::int64_t id);
// How many rows record `action` on `target_id`.
std::int64_t CountFor(soci::session& sql, const std::string& action, std::int64_t target_id);

}  // namespace audit_chain
}  // namespace liandong::db
