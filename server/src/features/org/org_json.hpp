// JSON shapes of the organisation records, shared by the routes that return them.
#pragma once

#include <boost/json/value.hpp>

#include "features/org/org_model.hpp"

namespace liandong::org {

// {"id","name","level","kind","path":[{"id","name","level"}, …]}
boost::json::value ToJson(const OrgWithAncestors& org);
// {"org_id","total","by_level":[{"level","count"}]}
boost::json::value ToJson(const OrgStats& stats);

}  // namespace liandong::org
