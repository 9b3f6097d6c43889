// SQL for Party members and their transfers.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/org_scope.hpp"
#include "core/page.hpp"
#include "db/bulk_insert.hpp"
#include "db/database.hpp"
#include "features/member/member_model.hpp"

namespace liandong::member {

// A member's encrypted identifiers, as stored.
struct SealedIdentifiers {
  std::int64_t id = 0;
  std::string id_number_cipher;
  std::string phone_cipher;
};

// Members loaded in bulk with ids the caller chose (demo --scale), in the caller's open
// transaction; the search index follows by its triggers. Nothing is checked.
class MemberBulkLoad {
 public:
  MemberBulkLoad(db::Session& session, std::int64_t now);
  // One member, already validated and encrypted.
  void Add(std::int64_t id, const MemberRecord& record);
  // Sends what is buffered and moves PostgreSQL's id sequence past the loaded ids; call before
  // committing.
  void Finish();

 private:
  db::Session& session_;
  std::int64_t now_;
  db::BulkInserter members_;
};

class MemberRepository {
 public:
  std::optional<Member> Find(soci::session& sql, std::int64_t id) const;
  std::optional<MemberRecord> FindRecord(soci::session& sql, std::int64_t id) const;
  std::optional<std::int64_t> FindIdByIdNumberIndex(soci::session& sql, const std::string& index) const;
  // One page of live members in `scope` matching the filter, and their total (counted unless
  // `known_total` gives it).
  std::pair<std::vector<Member>, std::int64_t> List(db::Session& session, const core::OrgScope& scope,
                                                    const MemberFilter& filter, const std::string& id_number_index,
                                                    bool page, std::optional<std::int64_t> known_total = {}) const;
  // The live members at each org itself (not its subtree): org id, count.
  std::vector<std::pair<std::int64_t, std::int64_t>> CountLiveMembersByOrg(soci::session& sql) const;
  // PostgreSQL: refreshes the member table's statistics after a bulk load (db::AnalyzeTables).
  void RefreshStatistics(db::Session& session) const;
  std::pair<std::string, std::string> FindCiphers(soci::session& sql, std::int64_t id) const;
  // Every member's encrypted identifiers, archived members included (key rotation).
  std::vector<SealedIdentifiers> ListSealedIdentifiers(soci::session& sql) const;
  // Stores re-encrypted identifiers and their blind indexes.
  void UpdateSealedIdentifiers(soci::session& sql, const SealedIdentifiers& sealed, const std::string& id_number_index,
                               const std::string& phone_index) const;

  std::int64_t Insert(db::Session& session, const MemberRecord& record, std::int64_t now) const;
  void Update(db::Session& session, std::int64_t id, const MemberRecord& record, std::int64_t now) const;
  void SetOrg(soci::session& sql, std::int64_t id, std::int64_t org_id, std::int64_t now) const;

  std::int64_t InsertTransfer(soci::session& sql, std::int64_t member_id, std::int64_t from_org_id,
                              std::int64_t to_org_id, const std::string& reason, std::int64_t user_id,
                              std::int64_t now) const;
  std::optional<Transfer> FindTransfer(soci::session& sql, std::int64_t id) const;
  bool HasPendingTransfer(soci::session& sql, std::int64_t member_id) const;
  // A page of the transfers whose receiving (incoming) or sending (outgoing) org lies in `scope`,
  // newest first.
  core::Page<Transfer> ListTransfers(soci::session& sql, TransferDirection direction, const core::OrgScope& scope,
                                     const std::string& status, const core::PageRequest& request) const;
  std::vector<Transfer> ListTransfersOfMember(soci::session& sql, std::int64_t member_id) const;
  void DecideTransfer(soci::session& sql, std::int64_t id, const std::string& status, const std::string& reason,
                      std::int64_t user_id, std::int64_t now) const;
};

}  // namespace liandong::member
