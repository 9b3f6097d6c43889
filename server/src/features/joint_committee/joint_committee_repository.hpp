// SQL for joint committees and their members.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "features/joint_committee/joint_committee_model.hpp"

namespace liandong::joint_committee {

class JointCommitteeRepository {
 public:
  // The committee of an org, without its members.
  std::optional<JointCommittee> FindByOrg(soci::session& sql, std::int64_t org_id) const;
  // Members in the order they were added, with their units' names.
  std::vector<Member> ListMembers(soci::session& sql, std::int64_t committee_id) const;
  std::int64_t Insert(soci::session& sql, std::int64_t org_id, const std::string& scope, const std::string& name,
                      std::int64_t now) const;
  void Rename(soci::session& sql, std::int64_t id, const std::string& name) const;

  // A member with its committee and the committee's org.
  std::optional<Seat> FindMember(soci::session& sql, std::int64_t member_id) const;
  std::int64_t InsertMember(soci::session& sql, std::int64_t committee_id, const MemberFields& fields,
                            std::int64_t now) const;
  void UpdateMember(soci::session& sql, std::int64_t member_id, const MemberFields& fields) const;
  void DeleteMember(soci::session& sql, std::int64_t member_id) const;
  // Where people of a unit sit, on the committees of orgs in the subtree at `scope_path`,
  // ancestors' committees first.
  std::vector<Seat> ListSeatsOfUnit(soci::session& sql, std::int64_t unit_id, const core::OrgScope& scope) const;
};

}  // namespace liandong::joint_committee
