#include "features/audit/audit_service.hpp"

#include <string_view>

#include "core/crypto.hpp"
#include "core/field_cipher.hpp"

namespace liandong::audit {
namespace {

constexpr std::string_view kInsertAuditEntry = R"sql(
  INSERT INTO audit_log (at, user_id, org_id, action, target_kind, target_id, result, remote_address, request_id,
                         detail, previous_hash, row_hash)
  VALUES (:at, :user_id, :org_id, :action, :target_kind, :target_id, :result, :remote_address, :request_id, :detail,
          :previous_hash, :row_hash)
  RETURNING id
)sql";

// Locks the head so that appends happen one at a time (SQLite's write lock does this by itself).
constexpr std::string_view kSelectHeadForUpdate =
    "SELECT last_id, last_hash, head_mac FROM audit_chain_head WHERE id = 1 FOR UPDATE";
constexpr std::string_view kSelectHead = "SELECT last_id, last_hash, head_mac FROM audit_chain_head WHERE id = 1";
constexpr std::string_view kInsertHead =
    "INSERT INTO audit_chain_head (id, last_id, last_hash, head_mac) VALUES (1, :last_id, :last_hash, :head_mac)";
constexpr std::string_view kUpdateHead =
    "UPDATE audit_chain_head SET last_id = :last_id, last_hash = :last_hash, head_mac = :head_mac WHERE id = 1";

constexpr std::string_view kSelectChain = R"sql(
  SELECT id, at, user_id, org_id, action, target_kind, target_id, result, remote_address, request_id, detail,
         previous_hash, row_hash
  FROM audit_log
  ORDER BY id
)sql";

constexpr std::string_view kSelectAnchor = "SELECT first_id, previous_hash, anchor_mac FROM audit_chain_anchor WHERE id = 1";
constexpr std::string_view kDeleteAnchor = "DELETE FROM audit_chain_anchor WHERE id = 1";
constexpr std::string_view kInsertAnchor = R"sql(
  INSERT INTO audit_chain_anchor (id, first_id, previous_hash, anchor_mac) VALUES (1, :first_id, :previous_hash, :anchor_mac)
)sql";

constexpr std::string_view kCountAuditEntries =
    "SELECT COUNT(*) FROM audit_log WHERE action = :action AND target_id = :target_id";

}  // namespace

struct AuditService::Row {
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

AuditService::AuditService(const core::Clock& clock, std::string key) : clock_(clock), key_(std::move(key)) {}

std::string AuditService::RowHash(const Row& row) const {
  // Every field, each with its length, so that no two rows can share an encoding.
  std::string text;
  const auto add = [&text](std::string_view field) {
    text += std::to_string(field.size());
    text += ':';
    text += field;
  };
  add(row.previous_hash);
  add(std::to_string(row.at));
  add(row.user_indicator == soci::i_ok ? std::to_string(row.user_id) : "");
  add(row.org_indicator == soci::i_ok ? std::to_string(row.org_id) : "");
  add(row.action);
  add(row.target_kind);
  add(row.target_indicator == soci::i_ok ? std::to_string(row.target_id) : "");
  add(row.result);
  add(row.remote_address);
  add(row.request_id);
  add(row.detail);
  return core::ToHex(core::HmacSm3(key_, text));
}

std::string AuditService::HeadMac(std::int64_t last_id, const std::string& last_hash) const {
  return core::ToHex(core::HmacSm3(key_, "head:" + std::to_string(last_id) + ":" + last_hash));
}

void AuditService::Append(soci::session& sql, Row& row) const {
  const bool postgres = sql.get_backend_name() == "postgresql";
  long long last_id = 0;
  std::string last_hash;
  std::string head_mac;
  sql << (postgres ? kSelectHeadForUpdate : kSelectHead), soci::into(last_id), soci::into(last_hash),
      soci::into(head_mac);
  const bool has_head = sql.got_data();
  row.at = clock_.NowSeconds();
  row.previous_hash = last_hash;
  row.row_hash = RowHash(row);
  sql << kInsertAuditEntry, soci::use(row.at, "at"), soci::use(row.user_id, row.user_indicator, "user_id"),
      soci::use(row.org_id, row.org_indicator, "org_id"), soci::use(row.action, "action"),
      soci::use(row.target_kind, "target_kind"), soci::use(row.target_id, row.target_indicator, "target_id"),
      soci::use(row.result, "result"), soci::use(row.remote_address, "remote_address"),
      soci::use(row.request_id, "request_id"), soci::use(row.detail, "detail"),
      soci::use(row.previous_hash, "previous_hash"), soci::use(row.row_hash, "row_hash"), soci::into(row.id);
  const std::string new_mac = HeadMac(row.id, row.row_hash);
  sql << (has_head ? kUpdateHead : kInsertHead), soci::use(row.id, "last_id"), soci::use(row.row_hash, "last_hash"),
      soci::use(new_mac, "head_mac");
}

std::string AuditService::AnchorMac(std::int64_t first_id, const std::string& previous_hash) const {
  return core::ToHex(core::HmacSm3(key_, "anchor:" + std::to_string(first_id) + ":" + previous_hash));
}

std::int64_t AuditService::Purge(soci::session& sql, std::int64_t cutoff) const {
  long long first_kept = 0;
  soci::indicator kept_indicator = soci::i_null;
  sql << "SELECT MIN(id) FROM audit_log WHERE at >= :cutoff", soci::use(cutoff, "cutoff"),
      soci::into(first_kept, kept_indicator);
  long long doomed = 0;
  if (kept_indicator == soci::i_ok) {
    sql << "SELECT COUNT(*) FROM audit_log WHERE id < :first_kept", soci::use(first_kept, "first_kept"),
        soci::into(doomed);
  } else {
    sql << "SELECT COUNT(*) FROM audit_log", soci::into(doomed);
  }
  if (doomed == 0) return 0;
  // The purge is itself on record, as the newest row, before anything goes.
  Row row;
  row.action = "audit.purge";
  row.target_kind = "audit_log";
  row.result = "ok";
  row.remote_address = "command line";
  row.detail = std::to_string(doomed) + " rows before " + core::FormatUtc(cutoff);
  Append(sql, row);
  if (kept_indicator != soci::i_ok) first_kept = row.id;
  std::string previous_hash;
  sql << "SELECT previous_hash FROM audit_log WHERE id = :id", soci::use(first_kept, "id"), soci::into(previous_hash);
  sql << "DELETE FROM audit_log WHERE id < :first_kept", soci::use(first_kept, "first_kept");
  const std::string mac = AnchorMac(first_kept, previous_hash);
  sql << kDeleteAnchor;
  sql << kInsertAnchor, soci::use(first_kept, "first_id"), soci::use(previous_hash, "previous_hash"),
      soci::use(mac, "anchor_mac");
  return doomed;
}

void AuditService::Record(soci::session& sql, const core::Actor& actor, const AuditEntry& entry) const {
  Row row;
  row.user_id = actor.user_id;
  row.user_indicator = soci::i_ok;
  row.org_id = actor.org_id;
  row.org_indicator = soci::i_ok;
  row.action = entry.action;
  row.target_kind = entry.target_kind;
  row.target_id = entry.target_id.value_or(0);
  row.target_indicator = entry.target_id ? soci::i_ok : soci::i_null;
  row.result = entry.result;
  row.remote_address = actor.remote_address;
  row.request_id = actor.request_id;
  row.detail = entry.detail;
  Append(sql, row);
}

void AuditService::RecordAnonymous(soci::session& sql, const AuditEntry& entry, const std::string& remote_address,
                                   const std::string& request_id) const {
  Row row;
  row.action = entry.action;
  row.target_kind = entry.target_kind;
  row.target_id = entry.target_id.value_or(0);
  row.target_indicator = entry.target_id ? soci::i_ok : soci::i_null;
  row.result = entry.result;
  row.remote_address = remote_address;
  row.request_id = request_id;
  row.detail = entry.detail;
  Append(sql, row);
}

void AuditService::RecordForUser(soci::session& sql, std::int64_t user_id, std::int64_t org_id,
                                 const AuditEntry& entry, const std::string& remote_address,
                                 const std::string& request_id) const {
  core::Actor actor;
  actor.user_id = user_id;
  actor.org_id = org_id;
  actor.remote_address = remote_address;
  actor.request_id = request_id;
  Record(sql, actor, entry);
}

std::int64_t AuditService::CountFor(soci::session& sql, const std::string& action, std::int64_t target_id) const {
  long long count = 0;
  sql << kCountAuditEntries, soci::use(action, "action"), soci::use(target_id, "target_id"), soci::into(count);
  return count;
}

ChainReport AuditService::VerifyChain(soci::session& sql) const {
  ChainReport report;
  const auto broken = [&report](std::int64_t id, std::string reason) {
    if (!report.intact) return;
    report.intact = false;
    report.broken_at = id;
    report.reason = std::move(reason);
  };
  // After a purge the chain starts at the anchored row, linked to the hash the anchor keeps.
  std::string expected_previous;
  std::optional<std::int64_t> anchored_first;
  {
    long long first_id = 0;
    std::string previous_hash;
    std::string mac;
    sql << kSelectAnchor, soci::into(first_id), soci::into(previous_hash), soci::into(mac);
    if (sql.got_data()) {
      if (!core::ConstantTimeEquals(AnchorMac(first_id, previous_hash), mac)) {
        broken(first_id, "the chain anchor was changed");
      }
      anchored_first = first_id;
      expected_previous = previous_hash;
    }
  }
  Row row;
  soci::statement statement =
      (sql.prepare << kSelectChain, soci::into(row.id), soci::into(row.at), soci::into(row.user_id, row.user_indicator),
       soci::into(row.org_id, row.org_indicator), soci::into(row.action), soci::into(row.target_kind),
       soci::into(row.target_id, row.target_indicator), soci::into(row.result), soci::into(row.remote_address),
       soci::into(row.request_id), soci::into(row.detail), soci::into(row.previous_hash), soci::into(row.row_hash));
  statement.execute();
  long long last_id = 0;
  while (statement.fetch()) {
    if (report.rows == 0 && anchored_first && row.id != *anchored_first) {
      broken(row.id, "rows at the start of the log were deleted");
    }
    ++report.rows;
    if (row.previous_hash != expected_previous) broken(row.id, "a row before it was deleted or changed");
    if (RowHash(row) != row.row_hash) broken(row.id, "the row was changed");
    expected_previous = row.row_hash;
    last_id = row.id;
  }
  long long head_id = 0;
  std::string head_hash;
  std::string head_mac;
  sql << kSelectHead, soci::into(head_id), soci::into(head_hash), soci::into(head_mac);
  if (!sql.got_data()) {
    if (report.rows > 0) broken(1, "the chain head is missing");
    return report;
  }
  if (!core::ConstantTimeEquals(HeadMac(head_id, head_hash), head_mac)) {
    broken(head_id, "the chain head was changed");
  } else if (head_id != last_id || head_hash != expected_previous) {
    broken(last_id + 1, "rows after the last one were deleted (the log was truncated)");
  }
  return report;
}

}  // namespace liandong::audit
