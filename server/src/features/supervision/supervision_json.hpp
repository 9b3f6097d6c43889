// JSON shapes of supervisions and their events, both ways.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "features/supervision/supervision_model.hpp"

namespace liandong::supervision {

// {"id","issuer":{id,name,level},"target":{…},"assignment":{id,task_title}|null,
//  "duty_item":{id,description}|null,"title","requirement","deadline","state","overdue",
//  "created_at","closed_at"|null}
boost::json::object ToJson(const Supervision& supervision);
// {"id","kind","org":{id,name,level},"user":{id,display_name}|null,"text","at","attachments":[…]}
boost::json::object ToJson(const Event& event);
// A supervision with "events", "can_rectify" and "can_verify".
boost::json::object ToJson(const SupervisionDetail& detail);
// {"items":[Supervision],"total"}
boost::json::object ToJson(const SupervisionPage& page);

// {"target_org_id","assignment_id"?,"duty_item_id"?,"title","requirement","deadline"}: throws the
// code of the first field missing or of the wrong type.
NewSupervision ParseNewSupervision(const boost::json::object& body);
// {"text","attachment_ids"?:[…]}
Rectification ParseRectification(const boost::json::object& body);
// {"text"?}: the optional text of a verification ("" when absent).
std::string ParseOptionalText(const boost::json::object& body);
// {"text"}: supervision.invalid_text unless a string.
std::string ParseText(const boost::json::object& body);
// {"reason"}: supervision.invalid_reason unless a string.
std::string ParseReason(const boost::json::object& body);

// "2026-01-01T08:30:00Z" → UTC seconds; a date "2026-01-01" → the last second of that China day;
// request.invalid_argument otherwise.

}  // namespace liandong::supervision
