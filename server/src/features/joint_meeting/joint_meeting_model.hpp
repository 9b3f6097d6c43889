// Joint meetings (联席会议): a street's or community's joint conference with its member orgs and
// units meets on a date with an agenda; afterwards the org records who attended and the minutes,
// and writes the resolutions, each with the orgs responsible and a deadline. A resolution can be
// issued as a task through the cascade; the task and the resolution then point at each other.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liandong::joint_meeting {

struct Ref {
  std::int64_t id = 0;
  std::string name;
};

struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string level;
};

struct MeetingFields {
  std::string title;
  std::string meeting_date;  // YYYY-MM-DD
  std::string place;
  std::string agenda;
};

struct MeetingPatch {
  std::optional<std::string> title;
  std::optional<std::string> meeting_date;
  std::optional<std::string> place;
  std::optional<std::string> agenda;
};

struct NewMeeting {
  std::int64_t org_id = 0;
  MeetingFields fields;
};

struct AttendeeFields {
  std::string person_name;
  std::optional<std::int64_t> unit_id;
  std::string post;
  std::optional<bool> present;  // none until the attendance is recorded
  std::string absence_reason;
};

struct Attendee {
  std::int64_t id = 0;
  AttendeeFields fields;
  std::optional<Ref> unit;
};

struct MinutesInput {
  std::string minutes;
  std::vector<AttendeeFields> attendees;
};

struct NewResolution {
  std::string text;
  std::string deadline;  // YYYY-MM-DD
  std::vector<std::int64_t> responsible_org_ids;
};

// The task a resolution became, with its progress as the issuer sees it.
struct ResolutionTask {
  std::int64_t id = 0;
  std::string title;
  int progress = 0;  // basis points
  std::int64_t executing_count = 0;
  std::int64_t done_count = 0;
  std::int64_t overdue_count = 0;
  std::optional<std::int64_t> my_assignment_id;
};

struct Resolution {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  int position = 0;
  std::string text;
  std::string deadline;
  std::vector<OrgRef> responsible_orgs;
  std::optional<std::int64_t> task_id;
  std::optional<ResolutionTask> task;
};

struct Meeting {
  std::int64_t id = 0;
  OrgRef org;
  std::string org_path;
  MeetingFields fields;
  std::optional<std::string> minutes;
  std::int64_t attendee_count = 0;
  std::int64_t present_count = 0;
  std::int64_t resolution_count = 0;
  std::int64_t tasked_count = 0;
  std::int64_t created_at = 0;

  std::string State() const { return minutes ? "held" : "planned"; }
};

struct MeetingDetail {
  Meeting meeting;
  std::vector<Attendee> attendees;
  std::vector<Resolution> resolutions;
};

struct MeetingFilter {
  std::optional<std::int64_t> org_id;  // default: the actor's org
  std::optional<std::string> state;    // planned, held
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

}  // namespace liandong::joint_meeting
