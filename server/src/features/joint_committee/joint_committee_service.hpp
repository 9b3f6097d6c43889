// Rules for joint committees: org:read to read, org:write to change, scoped by the committee's org;
// every change audited in its transaction.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/joint_committee/joint_committee_model.hpp"
#include "features/joint_committee/joint_committee_repository.hpp"
#include "features/org/org_service.hpp"
#include "features/unit/unit_service.hpp"

namespace liandong::joint_committee {

class JointCommitteeService {
 public:
  JointCommitteeService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit_service,
                        const org::OrgService& org_service, const unit::UnitService& unit_service)
      : database_(database),
        clock_(clock),
        audit_service_(audit_service),
        org_service_(org_service),
        unit_service_(unit_service) {}

  // The org's committee with its members; joint_committee.not_found if it has none.
  JointCommittee GetCommittee(const core::Actor& actor, std::int64_t org_id) const;
  // Creates the committee of a street or community org, or renames it; true when created.
  std::pair<JointCommittee, bool> PutCommittee(const core::Actor& actor, std::int64_t org_id,
                                               const std::string& name) const;
  Member AddMember(const core::Actor& actor, std::int64_t org_id, const MemberFields& fields) const;
  Member UpdateMember(const core::Actor& actor, std::int64_t member_id, const MemberPatch& patch) const;
  void RemoveMember(const core::Actor& actor, std::int64_t member_id) const;
  // Where people of a unit sit, on the committees in the actor's subtree.
  std::vector<Seat> ListSeatsOfUnit(const core::Actor& actor, std::int64_t unit_id) const;

  // Seeding (the demo city), inside the caller's transaction and without checks.
  std::int64_t SeedCommittee(soci::session& sql, std::int64_t org_id, const std::string& scope, const std::string& name,
                             std::int64_t now) const {
    return repository_.Insert(sql, org_id, scope, name, now);
  }
  void SeedMember(soci::session& sql, std::int64_t committee_id, const MemberFields& fields, std::int64_t now) const {
    repository_.InsertMember(sql, committee_id, fields, now);
  }

 private:
  org::Org FindOrgInScope(soci::session& sql, const core::Actor& actor, std::int64_t org_id) const;
  Seat FindMemberInScope(soci::session& sql, const core::Actor& actor, std::int64_t member_id) const;
  // Throws the first problem with `fields`; the unit is checked when it differs from `current`'s.
  void CheckMember(soci::session& sql, const core::Actor& actor, const MemberFields& fields,
                   const MemberFields* current) const;
  Member LoadMember(soci::session& sql, std::int64_t member_id) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_service_;
  const org::OrgService& org_service_;
  const unit::UnitService& unit_service_;
  JointCommitteeRepository repository_;
};

}  // namespace liandong::joint_committee
