#include "features/joint_meeting/joint_meeting_json.hpp"

#include <boost/json/array.hpp>
#include <cmath>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/json_input.hpp"

namespace liandong::joint_meeting {
namespace {

constexpr std::size_t kMaxCharacters = 40000;  // the service checks each field's own limit
constexpr std::size_t kMaxAttendeeRows = 1000;
constexpr std::size_t kMaxOrgIds = 1000;

boost::json::value OrgJson(const OrgRef& org) {
  return boost::json::object{{"id", org.id}, {"name", org.name}, {"level", org.level}};
}

// A body's fields with their error codes; the service checks lengths with the same codes.
http::BodyReader Reader(const boost::json::object& body) {
  return http::BodyReader(body, {{"org_id", "joint_meeting.not_found"},
                                 {"title", "joint_meeting.invalid_title"},
                                 {"meeting_date", "joint_meeting.invalid_date"},
                                 {"place", "joint_meeting.invalid_place"},
                                 {"agenda", "joint_meeting.invalid_agenda"},
                                 {"minutes", "joint_meeting.invalid_minutes"},
                                 {"text", "joint_meeting.invalid_resolution"},
                                 {"deadline", "joint_meeting.invalid_deadline"},
                                 {"responsible_org_ids", "joint_meeting.invalid_responsible_org"}});
}

}  // namespace

boost::json::object ToJson(const Meeting& meeting) {
  return {{"id", meeting.id},
          {"org", OrgJson(meeting.org)},
          {"title", meeting.fields.title},
          {"meeting_date", meeting.fields.meeting_date},
          {"place", meeting.fields.place},
          {"agenda", meeting.fields.agenda},
          {"minutes", meeting.minutes ? boost::json::value(*meeting.minutes) : boost::json::value(nullptr)},
          {"state", meeting.State()},
          {"attendee_count", meeting.attendee_count},
          {"present_count", meeting.present_count},
          {"resolution_count", meeting.resolution_count},
          {"tasked_count", meeting.tasked_count},
          {"created_at", core::FormatUtc(meeting.created_at)}};
}

boost::json::object ToJson(const Resolution& resolution) {
  boost::json::array orgs;
  for (const OrgRef& org : resolution.responsible_orgs) orgs.push_back(OrgJson(org));
  boost::json::value task = nullptr;
  if (resolution.task) {
    const ResolutionTask& issued = *resolution.task;
    task = boost::json::object{
        {"id", issued.id},
        {"title", issued.title},
        {"progress", std::round(issued.progress / 10.0) / 10.0},  // percent, one decimal, as tasks show it
        {"executing_count", issued.executing_count},
        {"done_count", issued.done_count},
        {"overdue_count", issued.overdue_count},
        {"my_assignment_id",
         issued.my_assignment_id ? boost::json::value(*issued.my_assignment_id) : boost::json::value(nullptr)}};
  }
  return {{"id", resolution.id},     {"meeting_id", resolution.meeting_id}, {"position", resolution.position},
          {"text", resolution.text}, {"deadline", resolution.deadline},     {"responsible_orgs", std::move(orgs)},
          {"task", std::move(task)}};
}

boost::json::object ToJson(const MeetingDetail& detail) {
  boost::json::object json = ToJson(detail.meeting);
  boost::json::array attendees;
  for (const Attendee& attendee : detail.attendees) {
    attendees.push_back(boost::json::object{
        {"id", attendee.id},
        {"person_name", attendee.fields.person_name},
        {"unit", attendee.unit
                     ? boost::json::value(boost::json::object{{"id", attendee.unit->id}, {"name", attendee.unit->name}})
                     : boost::json::value(nullptr)},
        {"post", attendee.fields.post},
        {"present",
         attendee.fields.present ? boost::json::value(*attendee.fields.present) : boost::json::value(nullptr)},
        {"absence_reason", attendee.fields.absence_reason}});
  }
  boost::json::array resolutions;
  for (const Resolution& resolution : detail.resolutions) resolutions.push_back(ToJson(resolution));
  json["attendees"] = std::move(attendees);
  json["resolutions"] = std::move(resolutions);
  return json;
}

NewMeeting ParseNewMeeting(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  NewMeeting meeting;
  meeting.org_id = reader.RequiredId("org_id");
  meeting.fields.title = reader.RequiredText("title", kMaxCharacters);
  meeting.fields.meeting_date = reader.RequiredText("meeting_date", kMaxCharacters);
  meeting.fields.place = reader.RequiredText("place", kMaxCharacters);
  meeting.fields.agenda = reader.RequiredText("agenda", kMaxCharacters);
  return meeting;
}

MeetingPatch ParseMeetingPatch(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  MeetingPatch patch;
  patch.title = reader.Text("title", kMaxCharacters);
  patch.meeting_date = reader.Text("meeting_date", kMaxCharacters);
  patch.place = reader.Text("place", kMaxCharacters);
  patch.agenda = reader.Text("agenda", kMaxCharacters);
  return patch;
}

MinutesInput ParseMinutes(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  MinutesInput input;
  input.minutes = reader.RequiredText("minutes", kMaxCharacters);
  const boost::json::value* attendees = body.if_contains("attendees");
  if (attendees == nullptr || attendees->is_null()) return input;
  const auto fail = [] {
    core::AppError error(core::ErrorKind::kInvalidArgument, "joint_meeting.invalid_attendee");
    error.WithField("attendees");
    return error;
  };
  if (!attendees->is_array()) throw fail();
  if (attendees->as_array().size() > kMaxAttendeeRows) {
    throw core::AppError(core::ErrorKind::kInvalidArgument, "joint_meeting.too_many_attendees");
  }
  for (const boost::json::value& item : attendees->as_array()) {
    if (!item.is_object()) throw fail();
    const http::BodyReader row(item.as_object(), {{"person_name", "joint_meeting.invalid_attendee"},
                                                  {"unit_id", "joint_meeting.unit_not_found"},
                                                  {"post", "joint_meeting.invalid_attendee"},
                                                  {"present", "joint_meeting.invalid_attendee"},
                                                  {"absence_reason", "joint_meeting.invalid_attendee"}});
    AttendeeFields attendee;
    attendee.person_name = row.Text("person_name", kMaxCharacters).value_or("");
    if (const auto unit = row.NullableId("unit_id"); unit) attendee.unit_id = *unit;
    attendee.post = row.Text("post", kMaxCharacters).value_or("");
    attendee.present = row.Bool("present");
    attendee.absence_reason = row.Text("absence_reason", kMaxCharacters).value_or("");
    input.attendees.push_back(std::move(attendee));
  }
  return input;
}

NewResolution ParseNewResolution(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  NewResolution resolution;
  resolution.text = reader.RequiredText("text", kMaxCharacters);
  resolution.deadline = reader.RequiredText("deadline", kMaxCharacters);
  resolution.responsible_org_ids = reader.Ids("responsible_org_ids", kMaxOrgIds);
  return resolution;
}

std::optional<std::string> ParseTaskTitle(const boost::json::object& body) {
  return http::BodyReader(body, {{"title", "task.invalid_title"}}).Text("title", kMaxCharacters);
}

}  // namespace liandong::joint_meeting
