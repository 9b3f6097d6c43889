// Rules for joint meetings: cobuild:read to read, cobuild:write to convene and record, scoped by the
// meeting's org; minutes and resolutions only once the meeting's day has come; a resolution becomes
// a task (task:assign too) only by the org that held the meeting, once. Every change audited in its
// transaction.
#pragma once

#include <cstdint>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/page.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/joint_meeting/joint_meeting_model.hpp"
#include "features/joint_meeting/joint_meeting_repository.hpp"
#include "features/org/org_service.hpp"
#include "features/task/task_service.hpp"
#include "features/unit/unit_service.hpp"

namespace liandong::joint_meeting {

class JointMeetingService {
 public:
  JointMeetingService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit_service,
                      const org::OrgService& org_service, const unit::UnitService& unit_service,
                      const task::TaskService& task_service)
      : database_(database),
        clock_(clock),
        audit_service_(audit_service),
        org_service_(org_service),
        unit_service_(unit_service),
        task_service_(task_service) {}

  core::Page<Meeting> List(const core::Actor& actor, const MeetingFilter& filter) const;
  MeetingDetail Get(const core::Actor& actor, std::int64_t id) const;
  // Convenes a meeting of a street or community; its joint committee's members are invited.
  MeetingDetail Create(const core::Actor& actor, const NewMeeting& meeting) const;
  MeetingDetail Update(const core::Actor& actor, std::int64_t id, const MeetingPatch& patch) const;
  // Records the minutes and who attended (replacing an earlier record); the meeting is then held.
  MeetingDetail RecordMinutes(const core::Actor& actor, std::int64_t id, const MinutesInput& input) const;
  Resolution AddResolution(const core::Actor& actor, std::int64_t meeting_id, const NewResolution& resolution) const;
  // Issues the resolution as a task from the meeting's org to the responsible orgs.
  Resolution IssueTask(const core::Actor& actor, std::int64_t resolution_id,
                       const std::optional<std::string>& title) const;

  // Seeding (the demo city), inside the caller's transaction and without checks.
  std::int64_t SeedMeeting(soci::session& sql, const NewMeeting& meeting, std::int64_t user_id, std::int64_t now) const;
  void SeedMinutes(soci::session& sql, std::int64_t meeting_id, const MinutesInput& input, std::int64_t now) const;
  std::int64_t SeedResolution(soci::session& sql, std::int64_t meeting_id, const NewResolution& resolution,
                              std::int64_t now) const {
    return repository_.InsertResolution(sql, meeting_id, resolution, now);
  }

 private:
  std::string Today() const;
  Meeting FindInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  MeetingDetail Load(soci::session& sql, const core::Actor& actor, Meeting meeting) const;
  void LoadTasks(soci::session& sql, const core::Actor& actor, std::vector<Resolution>& resolutions) const;
  void CheckFields(const MeetingFields& fields) const;
  void CheckMinutes(soci::session& sql, const core::Actor& actor, const MinutesInput& input) const;
  void CheckResolution(soci::session& sql, const core::Actor& actor, const Meeting& meeting,
                       const NewResolution& resolution) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_service_;
  const org::OrgService& org_service_;
  const unit::UnitService& unit_service_;
  const task::TaskService& task_service_;
  JointMeetingRepository repository_;
};

}  // namespace liandong::joint_meeting
