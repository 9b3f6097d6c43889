// JSON of whistles, their settings and rates, and power acts.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "features/whistle/whistle_model.hpp"

namespace liandong::whistle {

boost::json::object ToJson(const OrgRef& org);
// A whistle with each part's arrival clock as of `now` (late, minutes late or left).
boost::json::object ToJson(const Whistle& whistle, std::int64_t now);
boost::json::object ToJson(const WhistleDetail& detail, std::int64_t now);
boost::json::object ToJson(const WhistleSettings& settings);
boost::json::object ToJson(const WhistleRates& rates);
boost::json::object ToJson(const PowerAct& act, std::int64_t now);
boost::json::object ToJson(const PowerActDetail& detail, std::int64_t now);
boost::json::object ToJson(const AgencyActCount& count);

NewWhistle ParseNewWhistle(const boost::json::object& body, std::int64_t default_street_id);
WhistleSettings ParseWhistleSettings(const boost::json::object& body);
NewPowerAct ParseNewPowerAct(const boost::json::object& body, std::int64_t default_street_id);

}  // namespace liandong::whistle
