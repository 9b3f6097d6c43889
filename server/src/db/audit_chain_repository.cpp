#include "db/audit_chain_repository.hpp"

#include <string_view>

namespace liandong::db::audit_chain {
namespace {

constexpr std::string_view kInsertAuditEntry = R"sql(
  INSERT INTO audit_log (at, user_id, org_id, action, target_kind, target_id, result, remote_address, request_id,
                         detail, previous_hash, row_hash)
  VALUES (:at, :user_id, :org_id, :action, :target_kind, :target_id, :result, :remote_address, :request_id, :detail,
          :previous_hash, :row_hash)
  RETURNING id
)sql";

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

constexpr std::string_view kSelectAnchor =
    "SELECT first_id, previous_hash, anchor_mac FROM audit_chain_anchor WHERE id = 1";
constexpr std::string_view kDeleteAnchor = "DELETE FROM audit_chain_anchor WHERE id = 1";
constexpr std::string_view kInsertAnchor = R"sql(
  INSERT INTO audit_chain_anchor (id, first_id, previous_hash, anchor_mac) VALUES (1, :first_id, :previous_hash, :anchor_mac)
)sql";

constexpr std::string_view kSelectFirstIdAtOrAfter = "SELECT MIN(id) FROM audit_log WHERE at >= :cutoff";
constexpr std::string_view kCountBefore = "SELECT COUNT(*) FROM audit_log WHERE id < :id";
constexpr std::string_view kCountAll = "SELECT COUNT(*) FROM audit_log";
constexpr std::string_view kSelectPreviousHash = "SELECT previous_hash FROM audit_log WHERE id = :id";
constexpr std::string_view kDeleteBefore = "DELETE FROM audit_log WHERE id < :id";

constexpr std::string_view kCountAuditEntries =
    "SELECT COUNT(*) FROM audit_log WHERE action = :action AND target_id = :target_id";

}  // namespace

std::optional<AuditChainHead> LoadHead(soci::session& sql, bool for_update) {
  AuditChainHead head;
  sql << (for_update && sql.get_backend_name() == "postgresql" ? kSelectHeadForUpdate : kSelectHead),
      soci::into(head.last_id), soci::into(head.last_hash), soci::into(head.head_mac);
  if (!sql.got_data()) return std::nullopt;
  return head;
}

void SaveHead(soci::session& sql, bool exists, const AuditChainHead& head) {
  sql << (exists ? kUpdateHead : kInsertHead), soci::use(head.last_id, "last_id"),
      soci::use(head.last_hash, "last_hash"), soci::use(head.head_mac, "head_mac");
}

void InsertRow(soci::session& sql, AuditRow& row) {
  sql << kInsertAuditEntry, soci::use(row.at, "at"), soci::use(row.user_id, row.user_indicator, "user_id"),
      soci::use(row.org_id, row.org_indicator, "org_id"), soci::use(row.action, "action"),
      soci::use(row.target_kind, "target_kind"), soci::use(row.target_id, row.target_indicator, "target_id"),
      soci::use(row.result, "result"), soci::use(row.remote_address, "remote_address"),
      soci::use(row.request_id, "request_id"), soci::use(row.detail, "detail"),
      soci::use(row.previous_hash, "previous_hash"), soci::use(row.row_hash, "row_hash"), soci::into(row.id);
}

void ForEachRow(soci::session& sql, const std::function<void(const AuditRow&)>& visit) {
  AuditRow row;
  soci::statement statement =
      (sql.prepare << kSelectChain, soci::into(row.id), soci::into(row.at), soci::into(row.user_id, row.user_indicator),
       soci::into(row.org_id, row.org_indicator), soci::into(row.action), soci::into(row.target_kind),
       soci::into(row.target_id, row.target_indicator), soci::into(row.result), soci::into(row.remote_address),
       soci::into(row.request_id), soci::into(row.detail), soci::into(row.previous_hash), soci::into(row.row_hash));
  statement.execute();
  while (statement.fetch()) visit(row);
}

std::optional<AuditChainAnchor> LoadAnchor(soci::session& sql) {
  AuditChainAnchor anchor;
  sql << kSelectAnchor, soci::into(anchor.first_id), soci::into(anchor.previous_hash), soci::into(anchor.anchor_mac);
  if (!sql.got_data()) return std::nullopt;
  return anchor;
}

void ReplaceAnchor(soci::session& sql, const AuditChainAnchor& anchor) {
  sql << kDeleteAnchor;
  sql << kInsertAnchor, soci::use(anchor.first_id, "first_id"), soci::use(anchor.previous_hash, "previous_hash"),
      soci::use(anchor.anchor_mac, "anchor_mac");
}

std::optional<std::int64_t> FirstIdAtOrAfter(soci::session& sql, std::int64_t cutoff) {
  long long first = 0;
  soci::indicator indicator = soci::i_null;
  sql << kSelectFirstIdAtOrAfter, soci::use(cutoff, "cutoff"), soci::into(first, indicator);
  if (indicator != soci::i_ok) return std::nullopt;
  return first;
}

std::int64_t CountBefore(soci::session& sql, std::optional<std::int64_t> id) {
  long long count = 0;
  if (id) {
    sql << kCountBefore, soci::use(*id, "id"), soci::into(count);
  } else {
    sql << kCountAll, soci::into(count);
  }
  return count;
}

std::string PreviousHashOf(soci::session& sql, std::int64_t id) {
  std::string previous_hash;
  sql << kSelectPreviousHash, soci::use(id, "id"), soci::into(previous_hash);
  return previous_hash;
}

void DeleteBefore(soci::session& sql, std::int64_t id) { sql << kDeleteBefore, soci::use(id, "id"); }

std::int64_t CountFor(soci::session& sql, const std::string& action, std::int64_t target_id) {
  long long count = 0;
  sql << kCountAuditEntries, soci::use(action, "action"), soci::use(target_id, "target_id"), soci::into(count);
  return count;
}

}  // namespace liandong::db::audit_chain
