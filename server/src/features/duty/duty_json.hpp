// JSON shapes of departments and duty items, both ways.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <vector>

#include "features/duty/duty_model.hpp"

namespace liandong::duty {

// {"items":[{"id","name"}]}
boost::json::value ToJson(const std::vector<Department>& departments);
// {"id","org":{id,name,level},"year","level","responsibility_kind","description",
//  "department":{id,name},"sort_order"}
boost::json::value ToJson(const DutyItem& item);
// {"items":[DutyItem]}
boost::json::value ToJson(const std::vector<DutyItem>& items);

// {"year","level","responsibility_kind"?,"description","department_id","sort_order"?}: throws the
// code of the first field missing or of the wrong type (duty.invalid_year, duty.invalid_level, …).
NewDutyItem ParseNewDutyItem(const boost::json::object& body);
// The item fields present in the body, typed as for a new item.
DutyItemPatch ParseDutyItemPatch(const boost::json::object& body);
// {"from_year","to_year"}: duty.invalid_year unless both are integers.
YearCopy ParseYearCopy(const boost::json::object& body);

}  // namespace liandong::duty
