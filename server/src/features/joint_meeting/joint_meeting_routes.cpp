#include "features/joint_meeting/joint_meeting_routes.hpp"

#include "core/error.hpp"
#include "features/joint_meeting/joint_meeting_json.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::joint_meeting {
namespace {

// ?org=&state=planned|held&page=&page_size=
MeetingFilter ParseFilter(const http::Request& request) {
  MeetingFilter filter;
  if (const auto org = request.Query("org"); org && !org->empty()) filter.org_id = http::ParseId(*org, "org");
  if (const auto state = request.Query("state"); state && !state->empty()) {
    if (*state != "planned" && *state != "held") {
      throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "state");
    }
    filter.state = *state;
  }
  const core::PageRequest page = http::ParsePage(request, 20);
  filter.offset = page.Offset();
  filter.limit = page.Limit();
  return filter;
}

}  // namespace

void RegisterJointMeetingRoutes(http::Router& router, const JointMeetingService& joint_meeting_service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/joint-meetings", "cobuild:read", [&](http::Request& request) {
    const auto page = joint_meeting_service.List(request.Actor(), ParseFilter(request));
    return http::Ok(http::PageJson(page, [](const Meeting& meeting) { return ToJson(meeting); }));
  });
  router.Add(Verb::post, "/api/v1/joint-meetings", "cobuild:write", [&](http::Request& request) {
    const NewMeeting input = ParseNewMeeting(request.Json());
    return http::Created(ToJson(joint_meeting_service.Create(request.Actor(), input)));
  });
  router.Add(Verb::get, "/api/v1/joint-meetings/{id}", "cobuild:read", [&](http::Request& request) {
    return http::Ok(ToJson(joint_meeting_service.Get(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::patch, "/api/v1/joint-meetings/{id}", "cobuild:write", [&](http::Request& request) {
    const MeetingPatch patch = ParseMeetingPatch(request.Json());
    return http::Ok(ToJson(joint_meeting_service.Update(request.Actor(), request.PathId("id"), patch)));
  });
  router.Add(Verb::put, "/api/v1/joint-meetings/{id}/minutes", "cobuild:write", [&](http::Request& request) {
    const MinutesInput input = ParseMinutes(request.Json());
    return http::Ok(ToJson(joint_meeting_service.RecordMinutes(request.Actor(), request.PathId("id"), input)));
  });
  router.Add(Verb::post, "/api/v1/joint-meetings/{id}/resolutions", "cobuild:write", [&](http::Request& request) {
    const NewResolution input = ParseNewResolution(request.Json());
    return http::Created(ToJson(joint_meeting_service.AddResolution(request.Actor(), request.PathId("id"), input)));
  });
  router.Add(Verb::post, "/api/v1/joint-meeting-resolutions/{id}/task", "cobuild:write", [&](http::Request& request) {
    const auto title = ParseTaskTitle(request.Json());
    return http::Created(ToJson(joint_meeting_service.IssueTask(request.Actor(), request.PathId("id"), title)));
  });
}

}  // namespace liandong::joint_meeting
