// JSON shapes of accountability records, both ways.
#pragma once

#include <boost/json/object.hpp>

#include "features/accountability/accountability_model.hpp"

namespace liandong::accountability {

// {"id","org","target","assignment":{id,task_title}|null,"supervision":{id,title}|null,
//  "duty_item":{id,description}|null,"measure","subject","reason","decided_on","created_at"}
boost::json::object ToJson(const Accountability& record);
// {"items":[…],"total"}
boost::json::object ToJson(const AccountabilityPage& page);

// {"target_org_id","assignment_id"?,"supervision_id"?,"duty_item_id"?,"measure","subject","reason",
//  "decided_on"}: throws the code of the first field missing or of the wrong type;
// accountability.no_link when no link is given.
NewAccountability ParseNewAccountability(const boost::json::object& body);

}  // namespace liandong::accountability
