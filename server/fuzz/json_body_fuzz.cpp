// Every JSON body parser, driven as the routes drive it: the body through Request::Json, then the
// feature's Parse… function (and, for members and units, the checks of the values that follow).
// Refusals must be 400s with a known code; what is accepted must obey the parser's promises.
#include <boost/json/serialize.hpp>

#include "core/text.hpp"
#include "features/joint_committee/joint_committee_json.hpp"
#include "features/member/member_json.hpp"
#include "features/org/org_json.hpp"
#include "features/street/street_json.hpp"
#include "features/unit/unit_json.hpp"
#include "features/unit/unit_validation.hpp"
#include "fuzz_support.hpp"
#include "http/json_input.hpp"

namespace liandong::fuzz {
namespace {

// Clean UTF-8, trimmed, and within `max_characters`: what the shared string readers promise.
void RequireText(const std::string& text, std::size_t max_characters, const char* what) {
  Require(core::CharacterCount(text) <= max_characters, what);
  Require(core::IsCleanText(text), "accepted text with invalid UTF-8 or control characters");
  Require(text.empty() || (text.find_first_of(" \t\r\n") != 0 && text.find_last_of(" \t\r\n") != text.size() - 1),
          what);
}

void RequireText(const std::optional<std::string>& text, std::size_t max_characters, const char* what) {
  if (text) RequireText(*text, max_characters, what);
}

void ParseOrgBodies(const boost::json::object& body) {
  ParsesOrRefuses([&] {
    const org::NewOrg org = org::ParseNewOrg(body);
    Require(org.parent_id > 0, "a new org's parent id is not positive");
    Require(!org.level.empty() && !org.kind.empty() && !org.name.empty(), "a new org lacks a required field");
    RequireText(org.name, 300, "an org name is untrimmed or too long");
    RequireText(org.address, 500, "an org address is untrimmed or too long");
    Require(!org.founded_on || (!org.founded_on->empty() && org.founded_on->size() <= 10), "founded_on too long");
  });
  ParsesOrRefuses([&] {
    const org::OrgChanges changes = org::ParseOrgChanges(body);
    RequireText(changes.name, 300, "an org name change is untrimmed or too long");
    RequireText(changes.level, 32, "an org level change is untrimmed or too long");
  });
  ParsesOrRefuses([&] { Require(http::RequiredId(body, "parent_id") > 0, "a parent id is not positive"); });
}

void ParseMemberBodies(const boost::json::object& body) {
  member::MemberInput input;
  if (ParsesOrRefuses([&] { input = member::ParseMemberInput(body); })) {
    Require(input.org_id > 0, "a member's org id is not positive");
    RequireText(input.id_number, 32, "an ID number is untrimmed or too long");
    RequireText(input.phone, 32, "a phone is untrimmed or too long");
    ParsesOrRefuses([&] { RequireValidMember(input, member::ValidateMemberInput(input)); });
  }
  ParsesOrRefuses([&] {
    const member::MemberChanges changes = member::ParseMemberChanges(body);
    RequireText(changes.phone, 32, "a phone change is untrimmed or too long");
    if (changes.employer_unit_id && *changes.employer_unit_id) {
      Require(**changes.employer_unit_id > 0, "an employer id is not positive");
    }
  });
  // A transfer request and a refusal.
  ParsesOrRefuses([&] { Require(http::RequiredId(body, "to_org_id") > 0, "a target org id is not positive"); });
  ParsesOrRefuses([&] { RequireText(http::OptionalString(body, "reason", 1000), 1000, "a reason is too long"); });
}

void ParseUnitBodies(const boost::json::object& body) {
  unit::UnitFields fields;
  if (ParsesOrRefuses([&] { fields = unit::ParseNewUnit(body); })) {
    Require(fields.org_id > 0, "a unit's org id is not positive");
    if (unit::CheckUnitValues(fields).empty()) RequireValidUnit(fields);
  }
  ParsesOrRefuses([&] {
    const unit::UnitPatch patch = unit::ParseUnitPatch(body);
    unit::UnitFields patched = unit::ApplyPatch(unit::UnitFields{}, patch);
    for (const unit::FieldError& error : unit::CheckUnitValues(patched)) {
      Require(HasOwnMessage(error.code, error.kind), "a unit field error has no message");
    }
  });
}

void ParseStreetBody(const boost::json::object& body) {
  street::StreetProfile profile;
  if (!ParsesOrRefuses([&] { profile = street::ParseStreetProfile(body); })) return;
  // What the server sends back reads as the same profile.
  const boost::json::value sent = street::ToJson(profile);
  street::StreetProfile again;
  Require(ParsesOrRefuses([&] { again = street::ParseStreetProfile(sent.as_object()); }),
          "the server refuses the street profile it sends");
  Require(boost::json::serialize(street::ToJson(again)) == boost::json::serialize(sent),
          "a street profile does not survive a round trip");
}

void ParseJointCommitteeBodies(const boost::json::object& body) {
  ParsesOrRefuses([&] { Require(!joint_committee::ParseCommitteeName(body).empty(), "an empty committee name"); });
  ParsesOrRefuses([&] {
    const joint_committee::MemberFields member = joint_committee::ParseNewMember(body);
    Require(!member.unit_id || *member.unit_id > 0, "a committee member's unit id is not positive");
  });
  ParsesOrRefuses([&] { joint_committee::ParseMemberPatch(body); });
}

void ParseAccountBodies(const boost::json::object& body) {
  // Login and password change read passwords exactly as sent.
  ParsesOrRefuses([&] {
    const std::string password = http::RequiredRawString(body, "password", 1024);
    // The limits count characters, not bytes: a Chinese character is three.
    Require(!password.empty() && core::CharacterCount(password) <= 1024 && password == body.at("password").as_string(),
            "a password was altered or is too long");
  });
  ParsesOrRefuses([&] {
    const std::string username = http::RequiredRawString(body, "username", 128);
    Require(core::CharacterCount(username) <= 128 && username == body.at("username").as_string(),
            "a username was altered or is too long");
  });
}

}  // namespace
}  // namespace liandong::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace liandong;
  const http::Request request =
      fuzz::MakeRequest(boost::beast::http::verb::post, "/api/v1/orgs", fuzz::Text(data, size));
  const boost::json::object* body = nullptr;
  if (!fuzz::ParsesOrRefuses([&] { body = &request.Json(); })) return 0;
  fuzz::ParseOrgBodies(*body);
  fuzz::ParseMemberBodies(*body);
  fuzz::ParseUnitBodies(*body);
  fuzz::ParseStreetBody(*body);
  fuzz::ParseJointCommitteeBodies(*body);
  fuzz::ParseAccountBodies(*body);
  return 0;
}
