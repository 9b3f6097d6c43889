#include "db/audit_writer.hpp"

#include <string_view>

#include "core/crypto.hpp"
#include "core/field_cipher.hpp"
#include "db/audit_chain_repository.hpp"

namespace liandong::db {

AuditWriter::AuditWriter(const core::Clock& clock, std::string key) : clock_(clock), key_(std::move(key)) {}

std::string AuditWriter::RowHash(const AuditRow& row) const {
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

std::string AuditWriter::HeadMac(std::int64_t last_id, const std::string& last_hash) const {
  return core::ToHex(core::HmacSm3(key_, "head:" + std::to_string(last_id) + ":" + last_hash));
}

void AuditWriter::Append(soci::session& sql, AuditRow& row) const {
  const std::optional<AuditChainHead> head = audit_chain::LoadHead(sql, /*for_update=*/true);
  row.at = clock_.NowSeconds();
  row.previous_hash = head ? head->last_hash : "";
  row.row_hash = RowHash(row);
  audit_chain::InsertRow(sql, row);
  audit_chain::SaveHead(sql, head.has_value(), AuditChainHead{row.id, row.row_hash, HeadMac(row.id, row.row_hash)});
}

std::string AuditWriter::AnchorMac(std::int64_t first_id, const std::string& previous_hash) const {
  return core::ToHex(core::HmacSm3(key_, "anchor:" + std::to_string(first_id) + ":" + previous_hash));
}

std::int64_t AuditWriter::Purge(soci::session& sql, std::int64_t cutoff) const {
  const std::optional<std::int64_t> first_kept_before = audit_chain::FirstIdAtOrAfter(sql, cutoff);
  const std::int64_t doomed = audit_chain::CountBefore(sql, first_kept_before);
  if (doomed == 0) return 0;
  // The purge is itself on record, as the newest row, before anything goes.
  AuditRow row;
  row.action = "audit.purge";
  row.target_kind = "audit_log";
  row.result = "ok";
  row.remote_address = "command line";
  row.detail = std::to_string(doomed) + " rows before " + core::FormatUtc(cutoff);
  Append(sql, row);
  const std::int64_t first_kept = first_kept_before.value_or(row.id);
  const std::string previous_hash = audit_chain::PreviousHashOf(sql, first_kept);
  audit_chain::DeleteBefore(sql, first_kept);
  audit_chain::ReplaceAnchor(sql, AuditChainAnchor{first_kept, previous_hash, AnchorMac(first_kept, previous_hash)});
  return doomed;
}

void AuditWriter::Record(soci::session& sql, const core::Actor& actor, const AuditEntry& entry) const {
  AuditRow row;
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

void AuditWriter::RecordAnonymous(soci::session& sql, const AuditEntry& entry, const std::string& remote_address,
                                  const std::string& request_id) const {
  AuditRow row;
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

void AuditWriter::RecordForUser(soci::session& sql, std::int64_t user_id, std::int64_t org_id, const AuditEntry& entry,
                                const std::string& remote_address, const std::string& request_id) const {
  core::Actor actor;
  actor.user_id = user_id;
  actor.org_id = org_id;
  actor.remote_address = remote_address;
  actor.request_id = request_id;
  Record(sql, actor, entry);
}

std::int64_t AuditWriter::CountFor(soci::session& sql, const std::string& action, std::int64_t target_id) const {
  return audit_chain::CountFor(sql, action, target_id);
}

ChainReport AuditWriter::VerifyChain(soci::session& sql) const {
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
  if (const std::optional<AuditChainAnchor> anchor = audit_chain::LoadAnchor(sql)) {
    if (!core::ConstantTimeEquals(AnchorMac(anchor->first_id, anchor->previous_hash), anchor->anchor_mac)) {
      broken(anchor->first_id, "the chain anchor was changed");
    }
    anchored_first = anchor->first_id;
    expected_previous = anchor->previous_hash;
  }
  long long last_id = 0;
  audit_chain::ForEachRow(sql, [&](const AuditRow& row) {
    if (report.rows == 0 && anchored_first && row.id != *anchored_first) {
      broken(row.id, "rows at the start of the log were deleted");
    }
    ++report.rows;
    if (row.previous_hash != expected_previous) broken(row.id, "a row before it was deleted or changed");
    if (RowHash(row) != row.row_hash) broken(row.id, "the row was changed");
    expected_previous = row.row_hash;
    last_id = row.id;
  });
  const std::optional<AuditChainHead> head = audit_chain::LoadHead(sql, /*for_update=*/false);
  if (!head) {
    if (report.rows > 0) broken(1, "the chain head is missing");
    return report;
  }
  if (!core::ConstantTimeEquals(HeadMac(head->last_id, head->last_hash), head->head_mac)) {
    broken(head->last_id, "the chain head was changed");
  } else if (head->last_id != last_id || head->last_hash != expected_previous) {
    broken(last_id + 1, "rows after the last one were deleted (the log was truncated)");
  }
  return report;
}

}  // namespace liandong::db
