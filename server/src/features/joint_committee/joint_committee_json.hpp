// JSON shapes of joint committees, their members and seats, both ways.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "features/joint_committee/joint_committee_model.hpp"

namespace liandong::joint_committee {

// {"id","person_name","unit":{id,name}|null,"post","part_time","term_start","term_end"|null}
boost::json::value ToJson(const Member& member);
// {"id","org_id","scope","name","members":[Member]}
boost::json::value ToJson(const JointCommittee& committee);
// {"items":[{"member_id","person_name","post","part_time","term_start","term_end",
//            "committee":{"id","name","scope","org":{"id","name"}}}]}
boost::json::value ToJson(const std::vector<Seat>& seats);

// {"name"}: joint_committee.invalid_name unless a non-empty string.
std::string ParseCommitteeName(const boost::json::object& body);
// {"person_name","unit_id"|null,"post","part_time","term_start","term_end"|null}: person_name, post
// and term_start are required; part_time defaults to true. Throws the first mistyped field's code.
MemberFields ParseNewMember(const boost::json::object& body);
// The member fields present in the body.
MemberPatch ParseMemberPatch(const boost::json::object& body);

}  // namespace liandong::joint_committee
