#include "features/joint_committee/joint_committee_json.hpp"

#include <boost/json/array.hpp>

#include "http/json_input.hpp"

namespace liandong::joint_committee {
namespace {

boost::json::value RefJson(const Ref& ref) { return boost::json::object{{"id", ref.id}, {"name", ref.name}}; }

boost::json::value OptionalText(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

// A body's fields with their error codes; the service checks lengths with the same codes.
http::BodyReader Reader(const boost::json::object& body) {
  return http::BodyReader(body, {{"name", "joint_committee.invalid_name"},
                                 {"person_name", "joint_committee.invalid_person_name"},
                                 {"unit_id", "joint_committee.invalid_unit"},
                                 {"post", "joint_committee.invalid_post"},
                                 {"term_start", "joint_committee.invalid_date"},
                                 {"term_end", "joint_committee.invalid_date"}});
}

constexpr std::size_t kMaxCharacters = 20000;

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
  return Reader(body).RequiredText("name", kMaxCharacters);
}

MemberPatch ParseMemberPatch(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  MemberPatch patch;
  patch.person_name = reader.Text("person_name", kMaxCharacters);
  patch.unit_id = reader.NullableId("unit_id");
  patch.post = reader.Text("post", kMaxCharacters);
  patch.part_time = reader.Bool("part_time");
  patch.term_start = reader.Text("term_start", kMaxCharacters);
  patch.term_end = reader.NullableText("term_end", kMaxCharacters);
  return patch;
}

MemberFields ParseNewMember(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  const MemberPatch patch = ParseMemberPatch(body);
  if (!patch.person_name) reader.Fail("person_name");
  if (!patch.post) reader.Fail("post");
  if (!patch.term_start) reader.Fail("term_start");
  return ApplyPatch(MemberFields{}, patch);
}

}  // namespace liandong::joint_committee
