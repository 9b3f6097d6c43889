// JSON shapes of the organisation records, both ways: what the routes return and what they accept.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <vector>

#include "features/org/org_model.hpp"

namespace liandong::org {

// {"id","parent_id","name","level","kind",…,"child_count","path":[{"id","name","level"}, …]}
boost::json::value ToJson(const OrgWithAncestors& org);
// The same without "path": for lists of children.
boost::json::object ToJson(const Org& org);
// {"items":[…]}
boost::json::value ToJson(const std::vector<Org>& orgs);
boost::json::value ToJson(const std::vector<OrgSearchHit>& hits);
// {"org_id","total","by_level":[{"level","count"}]}
boost::json::value ToJson(const OrgStats& stats);
// {"id","name"} or null: how other records refer to an org.
boost::json::value OrgReference(std::int64_t id, const std::string& name);

// A new org: parent_id, level, kind and name are required, the rest default to empty or null.
// Throws request.invalid_argument, the field first in the detail, on a missing, mistyped or
// overlong field; the service checks the values.
NewOrg ParseNewOrg(const boost::json::object& body);
// The fields present in a PATCH body; same errors as ParseNewOrg.
OrgChanges ParseOrgChanges(const boost::json::object& body);

}  // namespace liandong::org
