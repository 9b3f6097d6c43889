// JSON shapes of members and transfers.
#pragma once

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

}  // namespace liandong::member
