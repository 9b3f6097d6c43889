// JSON shapes of street reform profiles and progress, both ways.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "features/street/street_model.hpp"

namespace liandong::street {

// {"org_id","office_set_up","office_set_up_on","deputy_secretary","deputy_secretary_since",
//  "function_list_published","function_list_published_on","powers":[{"power","granted_on"}]}
boost::json::value ToJson(const StreetProfile& profile);
// {"org_id","items":[{"org_id","name","district","office_set_up","deputy_secretary_appointed",
//  "function_list_published","powers_granted"}],"totals":{"streets","office_set_up",
//  "deputy_secretary_appointed","function_list_published","all_powers_granted"}}
boost::json::value ToJson(const ReformProgress& progress);

// The profile's body (org_id, if present, is ignored: the path names the street). Absent flags
// are false, absent dates null, absent powers none. Throws on a mistyped field.
StreetProfile ParseStreetProfile(const boost::json::object& body);

}  // namespace liandong::street
