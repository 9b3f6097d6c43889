// Rules for Party members: scope (the member's org lies in the actor's subtree), validation of
// identifiers, encryption at rest, masking, audited unmasking, imports and transfers.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/member/member_model.hpp"
#include "features/member/member_repository.hpp"
#include "features/org/org_service.hpp"
#include "features/unit/unit_service.hpp"

namespace liandong::member {

class MemberService {
 public:
  MemberService(db::Database& database, const core::Clock& clock, const core::FieldCipher& cipher,
                const db::AuditWriter& audit, const org::OrgService& orgs, const unit::UnitService& units)
      : database_(database), clock_(clock), cipher_(cipher), audit_(audit), orgs_(orgs), units_(units) {}

  MemberPage ListMembers(const core::Actor& actor, const MemberFilter& filter) const;
  Member GetMember(const core::Actor& actor, std::int64_t id) const;
  // The full ID number and phone; needs member:unmask, and every call is audited.
  Identifiers GetIdentifiers(const core::Actor& actor, std::int64_t id) const;
  Member CreateMember(const core::Actor& actor, const MemberInput& input) const;
  Member UpdateMember(const core::Actor& actor, std::int64_t id, const MemberChanges& changes) const;
  // Validates every row; commits the valid ones in one transaction. The ID number is the natural
  // key: importing the same rows again changes nothing.
  ImportResult ImportMembers(const core::Actor& actor, const std::vector<MemberInput>& rows,
                             const std::vector<ImportError>& parse_errors) const;
  // An .xlsx of the filtered list (identifiers masked); audited as an export.
  std::string ExportMembers(const core::Actor& actor, const MemberFilter& filter) const;

  Transfer RequestTransfer(const core::Actor& actor, std::int64_t member_id, std::int64_t to_org_id,
                           const std::string& reason) const;
  core::Page<Transfer> ListTransfers(const core::Actor& actor, TransferDirection direction, const std::string& status,
                                     const core::PageRequest& request) const;
  std::vector<Transfer> ListTransfersOfMember(const core::Actor& actor, std::int64_t member_id) const;
  Transfer AcceptTransfer(const core::Actor& actor, std::int64_t id) const;
  Transfer RefuseTransfer(const core::Actor& actor, std::int64_t id, const std::string& reason) const;

  // The live member with this ID number (already normalised), wherever its org is: for features
  // where a member presents themselves by ID number (dual reporting at the community they live
  // in). Found through the blind index; the caller decides what of the member it may show.
  std::optional<Member> FindByIdNumber(soci::session& sql, const std::string& id_number) const;
  // Inserts a member without permission checks, inside the caller's transaction: the demo city.
  std::int64_t SeedMember(db::Session& session, const MemberInput& input) const;
  // Starts loading members in bulk with chosen ids, in the caller's open transaction, without
  // checks: for generated data sets (demo --scale) only. Recount the roll-up afterwards.
  std::unique_ptr<MemberBulkLoad> StartBulkLoad(db::Session& session, std::int64_t now) const {
    return std::make_unique<MemberBulkLoad>(session, now);
  }
  // Recounts the member roll-up (org::kRollupMember) from the members: after loading members in
  // bulk (demo --scale); PostgreSQL first learns the table's new size. Writes are counted as they
  // happen.
  void RebuildMemberRollup(db::Session& session) const;
  // Key rotation (liandong keys rotate), in the caller's write transaction: re-encrypts every
  // member's identifiers from `from` to `to` and recomputes their blind indexes. Returns how many
  // members there are.
  std::int64_t ResealIdentifiers(soci::session& sql, const core::FieldCipher& from, const core::FieldCipher& to) const;

 private:
  // Counts a member into (delta 1) or out of (-1) the org's member roll-up.
  void CountMember(db::Session& session, std::int64_t org_id, std::int64_t delta) const;
  // Validates and encrypts; throws AppError with the field's code on bad input.
  MemberRecord BuildRecord(db::Session& session, const core::Actor* actor, const MemberInput& input) const;
  // The employer unit and the home community a body names: inside the actor's subtree (404 with
  // the field's code otherwise), and the home community a live community (400 otherwise).
  void CheckReferences(db::Session& session, const core::Actor& actor, std::optional<std::int64_t> employer_unit_id,
                       std::optional<std::int64_t> home_community_id) const;
  Member FindInScope(db::Session& session, const core::Actor& actor, std::int64_t id) const;
  Transfer FindTransfer(db::Session& session, std::int64_t id) const;
  // A transfer whose receiving org lies in the actor's subtree: only the receiving org decides.
  Transfer FindIncomingTransfer(db::Session& session, const core::Actor& actor, std::int64_t id) const;

  db::Database& database_;
  const core::Clock& clock_;
  const core::FieldCipher& cipher_;
  const db::AuditWriter& audit_;
  const org::OrgService& orgs_;
  const unit::UnitService& units_;
  MemberRepository repository_;
};

}  // namespace liandong::member
