#include "features/joint_meeting/joint_meeting_repository.hpp"

#include <string_view>

#include "db/org_scope_binding.hpp"

namespace liandong::joint_meeting {
namespace {

// A meeting with its org and the counts its list row shows: the head of every meeting query.
constexpr std::string_view kSelectMeetings = R"sql(
  SELECT m.id, o.id, o.name, o.level, o.path, m.title, m.meeting_date, m.place, m.agenda, m.minutes, m.created_at,
         (SELECT COUNT(*) FROM joint_meeting_attendee a WHERE a.joint_meeting_id = m.id),
         (SELECT COUNT(*) FROM joint_meeting_attendee a WHERE a.joint_meeting_id = m.id AND a.present = 1),
         (SELECT COUNT(*) FROM joint_meeting_resolution r WHERE r.joint_meeting_id = m.id),
         (SELECT COUNT(*) FROM joint_meeting_resolution r WHERE r.joint_meeting_id = m.id AND r.task_id IS NOT NULL)
  FROM joint_meeting m
  JOIN org o ON o.id = m.org_id
)sql";

constexpr std::string_view kCountMeetings = R"sql(
  SELECT COUNT(*) FROM joint_meeting m JOIN org o ON o.id = m.org_id
)sql";

constexpr std::string_view kCountAll = "SELECT COUNT(*) FROM joint_meeting m";

constexpr std::string_view kWhereScope = " WHERE o.path >= :scope AND o.path < :scope_end";
constexpr std::string_view kWholeTree = " WHERE 1 = 1";  // the count then reads the smallest index
constexpr std::string_view kPlannedOnly = " AND m.minutes IS NULL";
constexpr std::string_view kHeldOnly = " AND m.minutes IS NOT NULL";

constexpr std::string_view kInsertMeeting = R"sql(
  INSERT INTO joint_meeting (org_id, title, meeting_date, place, agenda, created_by, created_at)
  VALUES (:org_id, :title, :meeting_date, :place, :agenda, :created_by, :created_at)
  RETURNING id
)sql";

constexpr std::string_view kUpdateMeeting = R"sql(
  UPDATE joint_meeting SET title = :title, meeting_date = :meeting_date, place = :place, agenda = :agenda
  WHERE id = :id
)sql";

constexpr std::string_view kSetMinutes = R"sql(
  UPDATE joint_meeting SET minutes = :minutes, minutes_recorded_at = :recorded_at WHERE id = :id
)sql";

constexpr std::string_view kCommitteeInvitees = R"sql(
  SELECT m.person_name, m.unit_id, m.post
  FROM joint_committee_member m
  JOIN joint_committee c ON c.id = m.joint_committee_id
  WHERE c.org_id = :org_id AND m.term_start <= :on_date AND (m.term_end IS NULL OR m.term_end >= :on_date_again)
  ORDER BY m.id
)sql";

constexpr std::string_view kSelectAttendees = R"sql(
  SELECT a.id, a.person_name, a.unit_id, u.name, a.post, a.present, a.absence_reason
  FROM joint_meeting_attendee a
  LEFT JOIN unit u ON u.id = a.unit_id
  WHERE a.joint_meeting_id = :meeting_id
  ORDER BY a.position
)sql";

constexpr std::string_view kDeleteAttendees = "DELETE FROM joint_meeting_attendee WHERE joint_meeting_id = :meeting_id";

constexpr std::string_view kInsertAttendee = R"sql(
  INSERT INTO joint_meeting_attendee (joint_meeting_id, position, person_name, unit_id, post, present, absence_reason)
  VALUES (:meeting_id, :position, :person_name, :unit_id, :post, :present, :absence_reason)
)sql";

constexpr std::string_view kSelectResolutions = R"sql(
  SELECT r.id, r.joint_meeting_id, r.position, r.text, r.deadline, r.task_id FROM joint_meeting_resolution r
)sql";
constexpr std::string_view kWhereResolutionId = " WHERE r.id = :id";
constexpr std::string_view kWhereMeetingId = " WHERE r.joint_meeting_id = :meeting_id ORDER BY r.position";

constexpr std::string_view kSelectResponsibleOrgs = R"sql(
  SELECT ro.resolution_id, o.id, o.name, o.level
  FROM joint_meeting_resolution r
  JOIN joint_meeting_resolution_org ro ON ro.resolution_id = r.id
  JOIN org o ON o.id = ro.org_id
)sql";
constexpr std::string_view kOrgsOfResolution = " WHERE r.id = :id ORDER BY o.path";
constexpr std::string_view kOrgsOfMeeting = " WHERE r.joint_meeting_id = :meeting_id ORDER BY r.position, o.path";

constexpr std::string_view kInsertResolution = R"sql(
  INSERT INTO joint_meeting_resolution (joint_meeting_id, position, text, deadline, created_at)
  VALUES (:meeting_id,
          (SELECT COALESCE(MAX(position), 0) + 1 FROM joint_meeting_resolution WHERE joint_meeting_id = :same_meeting),
          :text, :deadline, :created_at)
  RETURNING id
)sql";

constexpr std::string_view kInsertResponsibleOrg =
    "INSERT INTO joint_meeting_resolution_org (resolution_id, org_id) VALUES (:resolution_id, :org_id)";

constexpr std::string_view kLinkTask =
    "UPDATE joint_meeting_resolution SET task_id = :task_id WHERE id = :id AND task_id IS NULL";

// The columns of kSelectMeetings, read into named variables.
struct MeetingColumns {
  long long id = 0;
  long long org_id = 0;
  std::string org_name;
  std::string org_level;
  std::string org_path;
  std::string title;
  std::string meeting_date;
  std::string place;
  std::string agenda;
  std::string minutes;
  soci::indicator minutes_indicator = soci::i_null;
  long long created_at = 0;
  long long attendee_count = 0;
  long long present_count = 0;
  long long resolution_count = 0;
  long long tasked_count = 0;

  template <typename Statement>
  void Into(Statement& statement) {
    statement, soci::into(id), soci::into(org_id), soci::into(org_name), soci::into(org_level), soci::into(org_path),
        soci::into(title), soci::into(meeting_date), soci::into(place), soci::into(agenda),
        soci::into(minutes, minutes_indicator), soci::into(created_at), soci::into(attendee_count),
        soci::into(present_count), soci::into(resolution_count), soci::into(tasked_count);
  }

  Meeting ToMeeting() const {
    Meeting meeting;
    meeting.id = id;
    meeting.org = OrgRef{org_id, org_name, org_level};
    meeting.org_path = org_path;
    meeting.fields = MeetingFields{title, meeting_date, place, agenda};
    if (minutes_indicator == soci::i_ok) meeting.minutes = minutes;
    meeting.created_at = created_at;
    meeting.attendee_count = attendee_count;
    meeting.present_count = present_count;
    meeting.resolution_count = resolution_count;
    meeting.tasked_count = tasked_count;
    return meeting;
  }
};

struct ResolutionColumns {
  long long id = 0;
  long long meeting_id = 0;
  int position = 0;
  std::string text;
  std::string deadline;
  long long task_id = 0;
  soci::indicator task_indicator = soci::i_null;

  template <typename Statement>
  void Into(Statement& statement) {
    statement, soci::into(id), soci::into(meeting_id), soci::into(position), soci::into(text), soci::into(deadline),
        soci::into(task_id, task_indicator);
  }

  Resolution ToResolution() const {
    Resolution resolution;
    resolution.id = id;
    resolution.meeting_id = meeting_id;
    resolution.position = position;
    resolution.text = text;
    resolution.deadline = deadline;
    if (task_indicator == soci::i_ok) resolution.task_id = task_id;
    return resolution;
  }
};

struct ResponsibleOrgRow {
  long long resolution_id = 0;
  OrgRef org;
};

// The responsible orgs of one resolution (`where` = kOrgsOfResolution) or of a meeting's.
std::vector<ResponsibleOrgRow> SelectResponsibleOrgs(soci::session& sql, std::string_view where, std::string_view name,
                                                     long long key) {
  ResponsibleOrgRow row;
  long long org_id = 0;
  soci::statement statement =
      (sql.prepare << std::string(kSelectResponsibleOrgs) + std::string(where), soci::use(key, std::string(name)),
       soci::into(row.resolution_id), soci::into(org_id), soci::into(row.org.name), soci::into(row.org.level));
  statement.execute();
  std::vector<ResponsibleOrgRow> rows;
  while (statement.fetch()) {
    row.org.id = org_id;
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

std::optional<Meeting> JointMeetingRepository::Find(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  MeetingColumns columns;
  auto prepared = (sql.prepare << std::string(kSelectMeetings) + " WHERE m.id = :id", soci::use(key, "id"));
  columns.Into(prepared);
  soci::statement statement(prepared);
  statement.execute(true);
  if (!statement.got_data()) return std::nullopt;
  return columns.ToMeeting();
}

core::Page<Meeting> JointMeetingRepository::List(soci::session& sql, const core::OrgScope& scope,
                                                 const std::optional<std::string>& state, std::int64_t offset,
                                                 std::int64_t limit) const {
  // The whole city's meetings need no subtree test row by row: the page is then walked newest first
  // by date, and only its rows are counted up.
  const bool whole_tree = scope.IsWholeTree();
  std::string conditions(whole_tree ? kWholeTree : kWhereScope);
  if (state == "planned") conditions += kPlannedOnly;
  if (state == "held") conditions += kHeldOnly;
  core::Page<Meeting> page;
  page.request = core::PageRequest{offset / limit + 1, limit};
  {
    long long total = 0;
    auto count = (sql.prepare << std::string(whole_tree ? kCountAll : kCountMeetings) + conditions, soci::into(total));
    if (!whole_tree) count, db::UseScope{scope};
    soci::statement statement(count);
    statement.execute(true);
    page.total = total;
  }
  const long long rows = limit;
  const long long skip = offset;
  MeetingColumns columns;
  auto prepared = (sql.prepare << std::string(kSelectMeetings) + conditions +
                                      " ORDER BY m.meeting_date DESC, m.id DESC LIMIT :limit OFFSET :offset",
                   soci::use(rows, "limit"), soci::use(skip, "offset"));
  if (!whole_tree) prepared, db::UseScope{scope};
  columns.Into(prepared);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) page.items.push_back(columns.ToMeeting());
  return page;
}

std::int64_t JointMeetingRepository::Insert(soci::session& sql, const NewMeeting& meeting, std::int64_t user_id,
                                            std::int64_t now) const {
  const long long org_id = meeting.org_id;
  const long long created_by = user_id;
  const long long created_at = now;
  long long id = 0;
  sql << kInsertMeeting, soci::use(org_id, "org_id"), soci::use(meeting.fields.title, "title"),
      soci::use(meeting.fields.meeting_date, "meeting_date"), soci::use(meeting.fields.place, "place"),
      soci::use(meeting.fields.agenda, "agenda"), soci::use(created_by, "created_by"),
      soci::use(created_at, "created_at"), soci::into(id);
  return id;
}

void JointMeetingRepository::Update(soci::session& sql, std::int64_t id, const MeetingFields& fields) const {
  const long long key = id;
  sql << kUpdateMeeting, soci::use(fields.title, "title"), soci::use(fields.meeting_date, "meeting_date"),
      soci::use(fields.place, "place"), soci::use(fields.agenda, "agenda"), soci::use(key, "id");
}

void JointMeetingRepository::SetMinutes(soci::session& sql, std::int64_t id, const std::string& minutes,
                                        std::int64_t now) const {
  const long long key = id;
  const long long recorded_at = now;
  sql << kSetMinutes, soci::use(minutes, "minutes"), soci::use(recorded_at, "recorded_at"), soci::use(key, "id");
}

std::vector<AttendeeFields> JointMeetingRepository::CommitteeInvitees(soci::session& sql, std::int64_t org_id,
                                                                      const std::string& date) const {
  const long long key = org_id;
  std::string person_name;
  long long unit_id = 0;
  soci::indicator unit_indicator = soci::i_null;
  std::string post;
  soci::statement statement = (sql.prepare << kCommitteeInvitees, soci::use(key, "org_id"), soci::use(date, "on_date"),
                               soci::use(date, "on_date_again"), soci::into(person_name),
                               soci::into(unit_id, unit_indicator), soci::into(post));
  statement.execute();
  std::vector<AttendeeFields> invitees;
  while (statement.fetch()) {
    AttendeeFields invitee;
    invitee.person_name = person_name;
    if (unit_indicator == soci::i_ok) invitee.unit_id = unit_id;
    invitee.post = post;
    invitees.push_back(std::move(invitee));
  }
  return invitees;
}

std::vector<Attendee> JointMeetingRepository::ListAttendees(soci::session& sql, std::int64_t meeting_id) const {
  const long long key = meeting_id;
  long long id = 0;
  std::string person_name;
  long long unit_id = 0;
  soci::indicator unit_indicator = soci::i_null;
  std::string unit_name;
  soci::indicator unit_name_indicator = soci::i_null;
  std::string post;
  int present = 0;
  soci::indicator present_indicator = soci::i_null;
  std::string absence_reason;
  soci::statement statement =
      (sql.prepare << kSelectAttendees, soci::use(key, "meeting_id"), soci::into(id), soci::into(person_name),
       soci::into(unit_id, unit_indicator), soci::into(unit_name, unit_name_indicator), soci::into(post),
       soci::into(present, present_indicator), soci::into(absence_reason));
  statement.execute();
  std::vector<Attendee> attendees;
  while (statement.fetch()) {
    Attendee attendee;
    attendee.id = id;
    attendee.fields.person_name = person_name;
    if (unit_indicator == soci::i_ok) {
      attendee.fields.unit_id = unit_id;
      attendee.unit = Ref{unit_id, unit_name_indicator == soci::i_ok ? unit_name : std::string()};
    }
    attendee.fields.post = post;
    if (present_indicator == soci::i_ok) attendee.fields.present = present != 0;
    attendee.fields.absence_reason = absence_reason;
    attendees.push_back(std::move(attendee));
  }
  return attendees;
}

void JointMeetingRepository::ReplaceAttendees(soci::session& sql, std::int64_t meeting_id,
                                              const std::vector<AttendeeFields>& attendees) const {
  const long long key = meeting_id;
  sql << kDeleteAttendees, soci::use(key, "meeting_id");
  int position = 0;
  for (const AttendeeFields& attendee : attendees) {
    ++position;
    const long long unit_id = attendee.unit_id.value_or(0);
    soci::indicator unit_indicator = attendee.unit_id ? soci::i_ok : soci::i_null;
    const int present = attendee.present.value_or(false) ? 1 : 0;
    soci::indicator present_indicator = attendee.present ? soci::i_ok : soci::i_null;
    sql << kInsertAttendee, soci::use(key, "meeting_id"), soci::use(position, "position"),
        soci::use(attendee.person_name, "person_name"), soci::use(unit_id, unit_indicator, "unit_id"),
        soci::use(attendee.post, "post"), soci::use(present, present_indicator, "present"),
        soci::use(attendee.absence_reason, "absence_reason");
  }
}

std::optional<Resolution> JointMeetingRepository::FindResolution(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  ResolutionColumns columns;
  auto prepared =
      (sql.prepare << std::string(kSelectResolutions) + std::string(kWhereResolutionId), soci::use(key, "id"));
  columns.Into(prepared);
  soci::statement statement(prepared);
  statement.execute(true);
  if (!statement.got_data()) return std::nullopt;
  Resolution resolution = columns.ToResolution();
  for (ResponsibleOrgRow& row : SelectResponsibleOrgs(sql, kOrgsOfResolution, "id", key)) {
    resolution.responsible_orgs.push_back(std::move(row.org));
  }
  return resolution;
}

std::vector<Resolution> JointMeetingRepository::ListResolutions(soci::session& sql, std::int64_t meeting_id) const {
  const long long key = meeting_id;
  ResolutionColumns columns;
  auto prepared =
      (sql.prepare << std::string(kSelectResolutions) + std::string(kWhereMeetingId), soci::use(key, "meeting_id"));
  columns.Into(prepared);
  soci::statement statement(prepared);
  statement.execute();
  std::vector<Resolution> resolutions;
  while (statement.fetch()) resolutions.push_back(columns.ToResolution());
  for (ResponsibleOrgRow& row : SelectResponsibleOrgs(sql, kOrgsOfMeeting, "meeting_id", key)) {
    for (Resolution& resolution : resolutions) {
      if (resolution.id == row.resolution_id) resolution.responsible_orgs.push_back(row.org);
    }
  }
  return resolutions;
}

std::int64_t JointMeetingRepository::InsertResolution(soci::session& sql, std::int64_t meeting_id,
                                                      const NewResolution& resolution, std::int64_t now) const {
  const long long key = meeting_id;
  const long long created_at = now;
  long long id = 0;
  sql << kInsertResolution, soci::use(key, "meeting_id"), soci::use(key, "same_meeting"),
      soci::use(resolution.text, "text"), soci::use(resolution.deadline, "deadline"),
      soci::use(created_at, "created_at"), soci::into(id);
  for (const std::int64_t org : resolution.responsible_org_ids) {
    const long long org_id = org;
    sql << kInsertResponsibleOrg, soci::use(id, "resolution_id"), soci::use(org_id, "org_id");
  }
  return id;
}

bool JointMeetingRepository::LinkTask(soci::session& sql, std::int64_t resolution_id, std::int64_t task_id) const {
  const long long key = resolution_id;
  const long long task = task_id;
  soci::statement statement = (sql.prepare << kLinkTask, soci::use(task, "task_id"), soci::use(key, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

}  // namespace liandong::joint_meeting
