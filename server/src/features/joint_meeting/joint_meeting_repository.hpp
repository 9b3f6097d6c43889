// SQL for joint meetings, their attendees and resolutions.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "core/page.hpp"
#include "features/joint_meeting/joint_meeting_model.hpp"

namespace liandong::joint_meeting {

class JointMeetingRepository {
 public:
  std::optional<Meeting> Find(soci::session& sql, std::int64_t id) const;
  // The meetings of the orgs in `scope`, newest meeting first.
  core::Page<Meeting> List(soci::session& sql, const core::OrgScope& scope, const std::optional<std::string>& state,
                           std::int64_t offset, std::int64_t limit) const;
  std::int64_t Insert(soci::session& sql, const NewMeeting& meeting, std::int64_t user_id, std::int64_t now) const;
  void Update(soci::session& sql, std::int64_t id, const MeetingFields& fields) const;
  void SetMinutes(soci::session& sql, std::int64_t id, const std::string& minutes, std::int64_t now) const;

  // The members of the org's joint committee whose term covers `date`, as invitees.
  std::vector<AttendeeFields> CommitteeInvitees(soci::session& sql, std::int64_t org_id, const std::string& date) const;
  std::vector<Attendee> ListAttendees(soci::session& sql, std::int64_t meeting_id) const;
  // Replaces the meeting's attendees with `attendees`, in their order.
  void ReplaceAttendees(soci::session& sql, std::int64_t meeting_id,
                        const std::vector<AttendeeFields>& attendees) const;

  std::optional<Resolution> FindResolution(soci::session& sql, std::int64_t id) const;
  // A meeting's resolutions in order, with their responsible orgs (tasks not loaded).
  std::vector<Resolution> ListResolutions(soci::session& sql, std::int64_t meeting_id) const;
  std::int64_t InsertResolution(soci::session& sql, std::int64_t meeting_id, const NewResolution& resolution,
                                std::int64_t now) const;
  // Links the task to the resolution unless it has one already: false when it had.
  bool LinkTask(soci::session& sql, std::int64_t resolution_id, std::int64_t task_id) const;
};

}  // namespace liandong::joint_meeting
