// JSON shapes of key enterprises and their log entries, both ways.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "features/key_enterprise/key_enterprise_model.hpp"

namespace liandong::key_enterprise {

boost::json::object ToJson(const KeyEnterprise& enterprise);
boost::json::object ToJson(const Entry& entry);
// The enterprise with "entries" (newest first) and "can_write".
boost::json::object ToJson(const KeyEnterpriseDetail& detail);

// {"unit_id","street_org_id","agency_org_id","reason"}
NewKeyEnterprise ParseNewKeyEnterprise(const boost::json::object& body);
// {"kind":"visit"|"issue","happened_on","text"}
NewEntry ParseNewEntry(const boost::json::object& body);
// {"resolution"}
std::string ParseResolution(const boost::json::object& body);

}  // namespace liandong::key_enterprise
