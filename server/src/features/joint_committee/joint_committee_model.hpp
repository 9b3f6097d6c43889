// Joint committees: a street's 大工委 (scope street) and a community's 大党委 (scope community),
// with their members, part-time ones coming from resident units.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liandong::joint_committee {

struct Ref {
  std::int64_t id = 0;
  std::string name;
};

// What a member record holds, as added and changed.
struct MemberFields {
  std::string person_name;
  std::optional<std::int64_t> unit_id;  // the unit the person comes from, if any
  std::string post;                     // 书记, 副书记, 兼职委员, …
  bool part_time = true;
  std::string term_start;               // YYYY-MM-DD
  std::optional<std::string> term_end;  // YYYY-MM-DD, none while open-ended

  bool operator==(const MemberFields&) const = default;
};

// A change to some fields of a member; the nullable ones use an inner nullopt for "clear it".
struct MemberPatch {
  std::optional<std::string> person_name;
  std::optional<std::optional<std::int64_t>> unit_id;
  std::optional<std::string> post;
  std::optional<bool> part_time;
  std::optional<std::string> term_start;
  std::optional<std::optional<std::string>> term_end;
};

MemberFields ApplyPatch(MemberFields fields, const MemberPatch& patch);

struct Member {
  std::int64_t id = 0;
  MemberFields fields;
  std::optional<Ref> unit;  // fields.unit_id with the unit's name
};

struct JointCommittee {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string scope;  // street or community
  std::string name;
  std::vector<Member> members;
};

// A member with the committee it belongs to and that committee's org.
struct Seat {
  Member member;
  Ref committee;
  std::string scope;
  Ref org;
  std::string org_path;
};

}  // namespace liandong::joint_committee
