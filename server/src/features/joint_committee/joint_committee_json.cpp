#include "features/joint_committee/joint_committee_json.hpp"

#include <boost/json/array.hpp>

#include "core/error.hpp"

namespace liandong::joint_committee {
namespace {

using core::AppError;
using core::ErrorKind;

boost::json::value RefJson(const Ref& ref) { return boost::json::object{{"id", ref.id}, {"name", ref.name}}; }

boost::json::value OptionalText(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

// The error code of a member field that is missing or of the wrong type.
std::string InvalidCodeOf(std::string_view field) {
  if (field == "person_name") return "joint_committee.invalid_person_name";
  if (field == "unit_id") return "joint_committee.invalid_unit";
  if (field == "post") return "joint_committee.invalid_post";
  if (field == "term_start" || field == "term_end") return "joint_committee.invalid_date";
  return "request.invalid_argument";
}

[[noreturn]] void Fail(std::string_view field) {
  throw AppError(ErrorKind::kInvalidArgument, InvalidCodeOf(field), std::string(field));
}

std::optional<std::string> Text(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) Fail(field);
  return std::string(value->as_string());
}

// Absent: nullopt; null: an inner nullopt; otherwise the string.
std::optional<std::optional<std::string>> NullableText(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (value == nullptr) return std::nullopt;
  if (value->is_null()) return std::optional<std::string>();
  if (!value->is_string()) Fail(field);
  return std::optional<std::string>(std::string(value->as_string()));
}

std::optional<std::optional<std::int64_t>> NullableId(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (value == nullptr) return std::nullopt;
  if (value->is_null()) return std::optional<std::int64_t>();
  if (!value->is_int64() || value->as_int64() <= 0) Fail(field);
  return std::optional<std::int64_t>(value->as_int64());
}

std::optional<bool> Boolean(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (value == nullptr) return std::nullopt;
  if (!value->is_bool()) Fail(field);
  return value->as_bool();
}

}  // namespace

boost::json::value ToJson(const Member& member) {
  return boost::json::object{
      {"id", member.id},
      {"person_name", member.fields.person_name},
      {"unit", member.unit ? RefJson(*member.unit) : boost::json::value(nullptr)},
      {"post", member.fields.post},
      {"part_time", member.fields.part_time},
      {"term_start", member.fields.term_start},
      {"term_end", OptionalText(member.fields.term_end)},
  };
}

boost::json::value ToJson(const JointCommittee& committee) {
  boost::json::array members;
  for (const Member& member : committee.members) members.push_back(ToJson(member));
  return boost::json::object{{"id", committee.id},
                             {"org_id", committee.org_id},
                             {"scope", committee.scope},
                             {"name", committee.name},
                             {"members", std::move(members)}};
}

boost::json::value ToJson(const std::vector<Seat>& seats) {
  boost::json::array items;
  for (const Seat& seat : seats) {
    items.push_back(boost::json::object{
        {"member_id", seat.member.id},
        {"person_name", seat.member.fields.person_name},
        {"post", seat.member.fields.post},
        {"part_time", seat.member.fields.part_time},
        {"term_start", seat.member.fields.term_start},
        {"term_end", OptionalText(seat.member.fields.term_end)},
        {"committee", boost::json::object{{"id", seat.committee.id},
                                          {"name", seat.committee.name},
                                          {"scope", seat.scope},
                                          {"org", RefJson(seat.org)}}},
    });
  }
  return boost::json::object{{"items", std::move(items)}};
}

std::string ParseCommitteeName(const boost::json::object& body) {
  const auto* value = body.if_contains("name");
  if (value == nullptr || !value->is_string() || value->as_string().empty()) {
    throw AppError(ErrorKind::kInvalidArgument, "joint_committee.invalid_name");
  }
  return std::string(value->as_string());
}

MemberPatch ParseMemberPatch(const boost::json::object& body) {
  MemberPatch patch;
  patch.person_name = Text(body, "person_name");
  patch.unit_id = NullableId(body, "unit_id");
  patch.post = Text(body, "post");
  patch.part_time = Boolean(body, "part_time");
  patch.term_start = Text(body, "term_start");
  patch.term_end = NullableText(body, "term_end");
  return patch;
}

MemberFields ParseNewMember(const boost::json::object& body) {
  const MemberPatch patch = ParseMemberPatch(body);
  if (!patch.person_name) Fail("person_name");
  if (!patch.post) Fail("post");
  if (!patch.term_start) Fail("term_start");
  return ApplyPatch(MemberFields{}, patch);
}

}  // namespace liandong::joint_committee
