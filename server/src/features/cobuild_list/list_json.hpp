// JSON shapes of needs, resources, projects and suggestions, both ways.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "features/cobuild_list/list_model.hpp"

namespace liandong::cobuild_list {

boost::json::object ToJson(const Need& need);
// A need with "claim", "project", "can_write", "can_match".
boost::json::object ToJson(const NeedDetail& detail);
boost::json::object ToJson(const Resource& resource);
boost::json::object ToJson(const Project& project);
// A project with "milestones", "deliveries", "needs", "can_write".
boost::json::object ToJson(const ProjectDetail& detail);
// {"kind","id","title","resource_kind","org","unit","score","parts":[{name,points,reason}],"explanation"}
boost::json::object ToJson(const Suggestion& suggestion);

// The tags of a body: an array of strings (absent: none); `code` otherwise.
std::vector<std::string> ParseTags(const boost::json::object& body, std::string_view code);
// {"org_id","need_kind","category","tags","title","description","beneficiaries","beneficiary_count","wanted_by"}
NewNeed ParseNewNeed(const boost::json::object& body);
// {"org_id","unit_id"?,"resource_kind","category","tags","title","description","quantity","headcount"?,
//  "valid_from","valid_to","served_org_ids"?}
NewResource ParseNewResource(const boost::json::object& body);
// {"org_id","unit_id"?,"category","tags","title","description","budget","owners","starts_on","ends_on",
//  "milestones":[{"title","due_on"}]}
NewProject ParseNewProject(const boost::json::object& body);
// {"delivered_on","text","people_served"}
NewProjectDelivery ParseProjectDelivery(const boost::json::object& body);
// {"rating","comment"?}
Rating ParseRating(const boost::json::object& body);
// {"resource_id"} or {"project_id"}, "quantity"?
Match ParseMatch(const boost::json::object& body);
// {"unit_id","note"?}
NewClaim ParseClaim(const boost::json::object& body);

}  // namespace liandong::cobuild_list
