#include "features/joint_meeting/joint_meeting_service.hpp"

#include <algorithm>
#include <set>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"

namespace liandong::joint_meeting {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxTitle = 100;  // characters
constexpr std::size_t kMaxPlace = 100;
constexpr std::size_t kMaxAgenda = 5000;
constexpr std::size_t kMaxMinutes = 20000;
constexpr std::size_t kMaxName = 50;  // a person's name, a post
constexpr std::size_t kMaxReason = 200;
constexpr std::size_t kMaxAttendees = 200;
constexpr std::size_t kMaxResolution = 2000;
constexpr std::size_t kMaxResponsibleOrgs = 50;
constexpr std::size_t kTitleExcerpt = 40;  // characters of a resolution in its task's default title

// A resolution's opening words for its task's default title, with an ellipsis when cut.
std::string ExcerptOf(const std::string& text) {
  const std::string excerpt = core::Prefix(text, kTitleExcerpt);
  return excerpt.size() < text.size() ? excerpt + "…" : excerpt;
}

bool IsValidText(const std::string& text, std::size_t max_length) {
  return !text.empty() && core::CharacterCount(text) <= max_length;
}

void Require(bool valid, const char* code) {
  if (!valid) throw AppError(ErrorKind::kInvalidArgument, code);
}

}  // namespace

std::string JointMeetingService::Today() const { return core::ChinaDate(clock_.NowSeconds()); }

Meeting JointMeetingService::FindInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  return core::RequireInScope(
      core::OrgScope::Of(actor), repository_.Find(sql, id), [](const Meeting& meeting) { return meeting.org_path; },
      "joint_meeting.not_found");
}

void JointMeetingService::LoadTasks(soci::session& sql, const core::Actor& actor,
                                    std::vector<Resolution>& resolutions) const {
  for (Resolution& resolution : resolutions) {
    if (!resolution.task_id) continue;
    const auto task = task_service_.FindTask(sql, actor, *resolution.task_id);
    if (!task) continue;
    resolution.task =
        ResolutionTask{task->id,         task->title,         task->progress,        task->executing_count,
                       task->done_count, task->overdue_count, task->my_assignment_id};
  }
}

MeetingDetail JointMeetingService::Load(soci::session& sql, const core::Actor& actor, Meeting meeting) const {
  MeetingDetail detail;
  detail.attendees = repository_.ListAttendees(sql, meeting.id);
  detail.resolutions = repository_.ListResolutions(sql, meeting.id);
  LoadTasks(sql, actor, detail.resolutions);
  detail.meeting = std::move(meeting);
  return detail;
}

void JointMeetingService::CheckFields(const MeetingFields& fields) const {
  Require(IsValidText(fields.title, kMaxTitle), "joint_meeting.invalid_title");
  Require(core::IsIsoDate(fields.meeting_date), "joint_meeting.invalid_date");
  Require(IsValidText(fields.place, kMaxPlace), "joint_meeting.invalid_place");
  Require(IsValidText(fields.agenda, kMaxAgenda), "joint_meeting.invalid_agenda");
}

void JointMeetingService::CheckMinutes(soci::session& sql, const core::Actor& actor, const MinutesInput& input) const {
  Require(IsValidText(input.minutes, kMaxMinutes), "joint_meeting.invalid_minutes");
  if (input.attendees.size() > kMaxAttendees)
    throw AppError(ErrorKind::kInvalidArgument, "joint_meeting.too_many_attendees");
  std::set<std::int64_t> units_checked;
  for (const AttendeeFields& attendee : input.attendees) {
    const bool absent_with_reason = attendee.present == false && IsValidText(attendee.absence_reason, kMaxReason);
    Require(IsValidText(attendee.person_name, kMaxName) && IsValidText(attendee.post, kMaxName) &&
                attendee.present.has_value() && (*attendee.present || absent_with_reason) &&
                core::CharacterCount(attendee.absence_reason) <= kMaxReason,
            "joint_meeting.invalid_attendee");
    if (attendee.unit_id && units_checked.insert(*attendee.unit_id).second) {
      // A unit outside the subtree is answered as one that does not exist.
      unit_service_.RequireInScope(sql, core::OrgScope::Of(actor), *attendee.unit_id, "joint_meeting.unit_not_found");
    }
  }
}

void JointMeetingService::CheckResolution(soci::session& sql, const core::Actor& actor, const Meeting& meeting,
                                          const NewResolution& resolution) const {
  Require(IsValidText(resolution.text, kMaxResolution), "joint_meeting.invalid_resolution");
  Require(core::IsIsoDate(resolution.deadline) && resolution.deadline >= meeting.fields.meeting_date,
          "joint_meeting.invalid_deadline");
  const std::set<std::int64_t> distinct(resolution.responsible_org_ids.begin(), resolution.responsible_org_ids.end());
  Require(!distinct.empty() && distinct.size() == resolution.responsible_org_ids.size() &&
              distinct.size() <= kMaxResponsibleOrgs,
          "joint_meeting.invalid_responsible_org");
  for (const std::int64_t org_id : distinct) {
    const org::Org org = org_service_.RequireInScope(sql, core::OrgScope::Of(actor), org_id);
    // Strictly below the meeting's org, and live: the orgs a task of that org can reach.
    Require(!org.archived && org.path.size() > meeting.org_path.size() && org.path.starts_with(meeting.org_path),
            "joint_meeting.invalid_responsible_org");
  }
}

core::Page<Meeting> JointMeetingService::List(const core::Actor& actor, const MeetingFilter& filter) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  const core::OrgScope scope = org_service_.ScopeOf(session.sql(), actor, filter.org_id);
  return repository_.List(session.sql(), scope, filter.state, filter.offset, filter.limit);
}

MeetingDetail JointMeetingService::Get(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  return Load(session.sql(), actor, FindInScope(session.sql(), actor, id));
}

MeetingDetail JointMeetingService::Create(const core::Actor& actor, const NewMeeting& meeting) const {
  core::RequirePermission(actor, "cobuild:write");
  CheckFields(meeting.fields);
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const org::Org org = org_service_.RequireInScope(sql, core::OrgScope::Of(actor), meeting.org_id);
  if (org.level != "street" && org.level != "community") {
    throw AppError(ErrorKind::kInvalidArgument, "joint_meeting.invalid_level", org.level);
  }
  if (org.archived) throw AppError(ErrorKind::kInvalidArgument, "org.archived");
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t id = repository_.Insert(sql, meeting, actor.user_id, now);
  repository_.ReplaceAttendees(sql, id, repository_.CommitteeInvitees(sql, org.id, meeting.fields.meeting_date));
  audit_service_.Record(sql, actor, {"joint_meeting.create", "joint_meeting", id});
  MeetingDetail detail = Load(sql, actor, *repository_.Find(sql, id));
  transaction.Commit();
  return detail;
}

MeetingDetail JointMeetingService::Update(const core::Actor& actor, std::int64_t id, const MeetingPatch& patch) const {
  core::RequirePermission(actor, "cobuild:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Meeting current = FindInScope(sql, actor, id);
  MeetingFields fields = current.fields;
  if (patch.title) fields.title = *patch.title;
  if (patch.meeting_date) fields.meeting_date = *patch.meeting_date;
  if (patch.place) fields.place = *patch.place;
  if (patch.agenda) fields.agenda = *patch.agenda;
  CheckFields(fields);
  // Minutes on record mean the meeting took place: its day cannot move into the future.
  if (current.minutes && fields.meeting_date > Today()) {
    throw AppError(ErrorKind::kConflict, "joint_meeting.not_held_yet");
  }
  if (fields.title != current.fields.title || fields.meeting_date != current.fields.meeting_date ||
      fields.place != current.fields.place || fields.agenda != current.fields.agenda) {
    repository_.Update(sql, id, fields);
    audit_service_.Record(sql, actor, {"joint_meeting.update", "joint_meeting", id});
  }
  MeetingDetail detail = Load(sql, actor, *repository_.Find(sql, id));
  transaction.Commit();
  return detail;
}

MeetingDetail JointMeetingService::RecordMinutes(const core::Actor& actor, std::int64_t id,
                                                 const MinutesInput& input) const {
  core::RequirePermission(actor, "cobuild:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Meeting meeting = FindInScope(sql, actor, id);
  if (meeting.fields.meeting_date > Today()) throw AppError(ErrorKind::kConflict, "joint_meeting.not_held_yet");
  CheckMinutes(sql, actor, input);
  repository_.SetMinutes(sql, id, input.minutes, clock_.NowSeconds());
  repository_.ReplaceAttendees(sql, id, input.attendees);
  audit_service_.Record(sql, actor,
                        {meeting.minutes ? "joint_meeting.amend_minutes" : "joint_meeting.record_minutes",
                         "joint_meeting", id, "ok", std::to_string(input.attendees.size()) + " attendees"});
  MeetingDetail detail = Load(sql, actor, *repository_.Find(sql, id));
  transaction.Commit();
  return detail;
}

Resolution JointMeetingService::AddResolution(const core::Actor& actor, std::int64_t meeting_id,
                                              const NewResolution& resolution) const {
  core::RequirePermission(actor, "cobuild:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Meeting meeting = FindInScope(sql, actor, meeting_id);
  if (!meeting.minutes) throw AppError(ErrorKind::kConflict, "joint_meeting.no_minutes");
  CheckResolution(sql, actor, meeting, resolution);
  const std::int64_t id = repository_.InsertResolution(sql, meeting.id, resolution, clock_.NowSeconds());
  audit_service_.Record(sql, actor, {"joint_meeting.add_resolution", "joint_meeting_resolution", id});
  Resolution added = *repository_.FindResolution(sql, id);
  transaction.Commit();
  return added;
}

Resolution JointMeetingService::IssueTask(const core::Actor& actor, std::int64_t resolution_id,
                                          const std::optional<std::string>& title) const {
  core::RequirePermission(actor, "cobuild:write");
  core::RequirePermission(actor, "task:assign");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto resolution = repository_.FindResolution(sql, resolution_id);
  if (!resolution) throw AppError(ErrorKind::kNotFound, "joint_meeting.resolution_not_found");
  const Meeting meeting = core::RequireInScope(
      core::OrgScope::Of(actor), repository_.Find(sql, resolution->meeting_id),
      [](const Meeting& found) { return found.org_path; }, "joint_meeting.resolution_not_found");
  if (meeting.org.id != actor.org_id) throw AppError(ErrorKind::kPermissionDenied, "joint_meeting.not_meeting_org");
  if (resolution->task_id) throw AppError(ErrorKind::kConflict, "joint_meeting.resolution_has_task");
  task::NewTask task;
  task.title = title && !title->empty() ? *title : "联席会议决议：" + ExcerptOf(resolution->text);
  task.content = resolution->text + "\n\n来源：" + meeting.fields.title + "（" + meeting.fields.meeting_date +
                 "）决议第 " + std::to_string(resolution->position) + " 项";
  task.deadline = resolution->deadline;
  task.targets.mode = "list";
  for (const OrgRef& org : resolution->responsible_orgs) task.targets.org_ids.push_back(org.id);
  const task::Task issued = task_service_.IssueIn(session, actor, task);
  // Two clicks at once: the second finds the resolution linked and its task is rolled back.
  if (!repository_.LinkTask(sql, resolution->id, issued.id)) {
    throw AppError(ErrorKind::kConflict, "joint_meeting.resolution_has_task");
  }
  audit_service_.Record(sql, actor,
                        {"joint_meeting.issue_task", "joint_meeting_resolution", resolution->id, "ok",
                         "task " + std::to_string(issued.id)});
  std::vector<Resolution> linked{*repository_.FindResolution(sql, resolution->id)};
  LoadTasks(sql, actor, linked);
  transaction.Commit();
  return std::move(linked.front());
}

std::int64_t JointMeetingService::SeedMeeting(soci::session& sql, const NewMeeting& meeting, std::int64_t user_id,
                                              std::int64_t now) const {
  const std::int64_t id = repository_.Insert(sql, meeting, user_id, now);
  repository_.ReplaceAttendees(sql, id,
                               repository_.CommitteeInvitees(sql, meeting.org_id, meeting.fields.meeting_date));
  return id;
}

void JointMeetingService::SeedMinutes(soci::session& sql, std::int64_t meeting_id, const MinutesInput& input,
                                      std::int64_t now) const {
  repository_.SetMinutes(sql, meeting_id, input.minutes, now);
  if (!input.attendees.empty()) repository_.ReplaceAttendees(sql, meeting_id, input.attendees);
}

}  // namespace liandong::joint_meeting
