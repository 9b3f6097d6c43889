// JSON shapes of members and transfers, both ways.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <vector>

#include "features/member/member_model.hpp"

namespace liandong::member {

boost::json::value ToJson(const Member& member);
boost::json::value ToJson(const MemberPage& page);
boost::json::value ToJson(const Identifiers& identifiers);
boost::json::value ToJson(const ImportResult& result);
boost::json::value ToJson(const Transfer& transfer);
boost::json::value ToJson(const std::vector<Transfer>& transfers);

// A new member (also one import row): org_id is required, the rest default to empty, "full",
// "normal", false or null. Throws request.invalid_argument, the field first in the detail, on a
// mistyped or overlong field; the values are ValidateMemberInput's to check.
MemberInput ParseMemberInput(const boost::json::object& body);
// The fields present in a PATCH body; same errors as ParseMemberInput.
MemberChanges ParseMemberChanges(const boost::json::object& body);
// {"rows":[{…}]}: each row read like ParseMemberInput, its error kept with its 1-based position
// rather than thrown. request.invalid_argument without a rows array.
ImportRows ParseImportRows(const boost::json::object& body);

}  // namespace liandong::member
