// JSON of residents' requests, the catalogue, agencies and rates.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "features/request/request_model.hpp"
#include "features/request/request_service.hpp"

namespace liandong::request {

boost::json::object ToJson(const Category& category);
boost::json::object ToJson(const SlaClass& sla_class);
boost::json::object ToJson(const AgencyKind& kind);
boost::json::object ToJson(const Agency& agency);
// A request as lists show it, with its lateness as of `now`.
boost::json::object ToJson(const Request& request, std::int64_t now);
boost::json::object ToJson(const RequestDetail& detail, std::int64_t now);
boost::json::object ToJson(const Rates& rates);
boost::json::object ToJson(const OrgRef& org);

NewRequest ParseNewRequest(const boost::json::object& body);
NewCategory ParseNewCategory(const boost::json::object& body);
CategoryChanges ParseCategoryChanges(const boost::json::object& body);
SlaClass ParseSlaClass(const boost::json::object& body, const std::string& code);
NewAgency ParseNewAgency(const boost::json::object& body);

}  // namespace liandong::request
