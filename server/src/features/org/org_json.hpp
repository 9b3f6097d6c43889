// JSON shapes of the organisation records, shared by the routes that return them.
#pragma once

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

}  // namespace liandong::org
