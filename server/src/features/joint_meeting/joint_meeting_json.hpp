// JSON shapes of joint meetings, their attendees and resolutions, both ways.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "features/joint_meeting/joint_meeting_model.hpp"

namespace liandong::joint_meeting {

// {"id","org":{id,name,level},"title","meeting_date","place","agenda","minutes"|null,"state",
//  "attendee_count","present_count","resolution_count","tasked_count","created_at"}
boost::json::object ToJson(const Meeting& meeting);
// The meeting with "attendees":[{id,person_name,unit|null,post,present|null,absence_reason}] and
// "resolutions":[Resolution].
boost::json::object ToJson(const MeetingDetail& detail);
// {"id","meeting_id","position","text","deadline","responsible_orgs":[{id,name,level}],
//  "task":{id,title,progress,executing_count,done_count,overdue_count,my_assignment_id}|null}
boost::json::object ToJson(const Resolution& resolution);

// {"org_id","title","meeting_date","place","agenda"}, all required.
NewMeeting ParseNewMeeting(const boost::json::object& body);
MeetingPatch ParseMeetingPatch(const boost::json::object& body);
// {"minutes","attendees":[{"person_name","unit_id"|null,"post","present","absence_reason"}]}
MinutesInput ParseMinutes(const boost::json::object& body);
// {"text","deadline","responsible_org_ids":[id]}
NewResolution ParseNewResolution(const boost::json::object& body);
// {"title"} optional: the task's title instead of the resolution's opening words.
std::optional<std::string> ParseTaskTitle(const boost::json::object& body);

}  // namespace liandong::joint_meeting
