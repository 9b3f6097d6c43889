#include "features/task/task_repository.hpp"

#include <algorithm>
#include <deque>
#include <string_view>
#include <utility>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "db/bulk_insert.hpp"
#include "db/org_scope_binding.hpp"

namespace liandong::task {
namespace {

constexpr std::string_view kInsertTask = R"sql(
  INSERT INTO task (org_id, title, content, deadline, weight, duty_item_id, created_by, created_at)
  VALUES (:org_id, :title, :content, :deadline, :weight, :duty_item_id, :created_by, :created_at)
  RETURNING id
)sql";

// A task with its issuer and root node, and its executing nodes (below the root and not decomposed
// further: the orgs that carry it out, as bulletins count them): undone, done, and overdue on
// :today. child_count is kept with each decomposition, so that "not decomposed" needs no look at
// children (the as-of lists ask task_assignment for children created by then instead); each count
// is a seek in the index task_assignment_executing (migration 0022).
// The joint meeting resolution a task was issued for.
constexpr std::string_view kSelectOrigin = R"sql(
  SELECT m.id, m.title, r.id, r.position
  FROM joint_meeting_resolution r
  JOIN joint_meeting m ON m.id = r.joint_meeting_id
  WHERE r.task_id = :task_id
)sql";

constexpr std::string_view kSelectTasks = R"sql(
  SELECT t.id, t.title, t.content, t.deadline, t.weight, t.duty_item_id, COALESCE(d.description, ''),
         i.id, i.name, i.level, t.created_at, r.id, r.progress,
         (SELECT COUNT(*) FROM task_assignment n
          WHERE n.task_id = t.id AND n.completed_at IS NULL AND n.parent_id IS NOT NULL AND n.child_count = 0),
         (SELECT COUNT(*) FROM task_assignment n
          WHERE n.task_id = t.id AND n.completed_at IS NOT NULL AND n.parent_id IS NOT NULL AND n.child_count = 0),
         (SELECT COUNT(*) FROM task_assignment n
          WHERE n.task_id = t.id AND n.completed_at IS NULL AND n.deadline < :today AND n.parent_id IS NOT NULL AND n.child_count = 0)
  FROM task t
  JOIN org i ON i.id = t.org_id
  JOIN task_assignment r ON r.task_id = t.id AND r.parent_id IS NULL
  LEFT JOIN duty_item d ON d.id = t.duty_item_id
)sql";

constexpr std::string_view kTaskVisible = R"sql(
  SELECT COUNT(*) FROM (
    SELECT 1 FROM task_assignment a JOIN org o ON o.id = a.org_id
    WHERE a.task_id = :task_id AND o.path >= :scope AND o.path < :scope_end LIMIT 1) visible
)sql";

constexpr std::string_view kNodeOfOrg = "SELECT id FROM task_assignment WHERE task_id = :task_id AND org_id = :org_id";

constexpr std::string_view kChildOrgs = R"sql(
  SELECT id, path, level, name FROM org WHERE parent_id = :org_id AND archived_at IS NULL ORDER BY path
)sql";
constexpr std::string_view kOrgsOfLevel = R"sql(
  SELECT id, path, level, name FROM org
  WHERE path > :scope AND path < :scope_end AND level = :level AND archived_at IS NULL ORDER BY path
)sql";
constexpr std::string_view kFindOrg = "SELECT id, path, level, name FROM org WHERE id = :id AND archived_at IS NULL";

constexpr std::string_view kNodesInScope = R"sql(
  SELECT a.org_id, a.id FROM task_assignment a JOIN org o ON o.id = a.org_id
  WHERE a.task_id = :task_id AND o.path >= :scope AND o.path < :scope_end
)sql";

constexpr std::string_view kInsertRoot = R"sql(
  INSERT INTO task_assignment (task_id, parent_id, org_id, deadline, weight, created_at)
  VALUES (:task_id, NULL, :org_id, :deadline, :weight, :created_at)
  RETURNING id
)sql";

constexpr std::string_view kSelectAssignments = R"sql(
  SELECT a.id, a.task_id, t.title, i.id, i.name, i.level, a.parent_id, o.id, o.name, o.level, o.path,
         a.deadline, a.weight, a.progress, a.state, a.child_count, a.completed_at, a.completed_on, a.created_at
  FROM task_assignment a
  JOIN task t ON t.id = a.task_id
  JOIN org i ON i.id = t.org_id
  JOIN org o ON o.id = a.org_id
)sql";

// ListAssignments' org conditions, each followed by its placeholder.
constexpr std::string_view kAssignmentOfOrg = "a.org_id = ";
constexpr std::string_view kAssignmentOrgAtLeast = "o.path >= ";
constexpr std::string_view kAssignmentOrgBelow = " AND o.path < ";
constexpr std::string_view kCountAssignments = R"sql(
  SELECT COUNT(*) FROM task_assignment a JOIN org o ON o.id = a.org_id
)sql";

constexpr std::string_view kAddChildren =
    "UPDATE task_assignment SET child_count = child_count + :count WHERE id = :id";
constexpr std::string_view kChildrenProgress = R"sql(
  SELECT COALESCE(SUM(weight * progress) / NULLIF(SUM(weight), 0), 0) FROM task_assignment WHERE parent_id = :id
)sql";
constexpr std::string_view kSetProgress = R"sql(
  UPDATE task_assignment SET progress = :progress, state = :state, completed_at = :completed_at,
                             completed_on = :completed_on
  WHERE id = :id
)sql";
constexpr std::string_view kSetState = "UPDATE task_assignment SET state = :state WHERE id = :id";

constexpr std::string_view kInsertReport = R"sql(
  INSERT INTO progress_report (assignment_id, percent, text, reported_by, reported_at)
  VALUES (:assignment_id, :percent, :text, :reported_by, :reported_at)
  RETURNING id
)sql";
constexpr std::string_view kSelectReports = R"sql(
  SELECT r.id, r.assignment_id, r.percent, r.text, r.state, u.id, u.display_name, r.reported_at, r.reviewed_at,
         r.review_reason
  FROM progress_report r JOIN user_account u ON u.id = r.reported_by
)sql";
constexpr std::string_view kReviewReport = R"sql(
  UPDATE progress_report SET state = :state, reviewed_by = :reviewed_by, reviewed_at = :reviewed_at,
                             review_reason = :reason
  WHERE id = :id
)sql";
constexpr std::string_view kHasPending =
    "SELECT COUNT(*) FROM progress_report WHERE assignment_id = :id AND state = 'pending'";
constexpr std::string_view kPendingForReviewer = R"sql(
  FROM progress_report r
  JOIN task_assignment a ON a.id = r.assignment_id
  JOIN task_assignment p ON p.id = a.parent_id
  WHERE r.state = 'pending' AND p.org_id = :org_id
)sql";

constexpr std::string_view kInsertEvent = R"sql(
  INSERT INTO task_event (assignment_id, kind, org_id, user_id, report_id, text, at)
  VALUES (:assignment_id, :kind, :org_id, :user_id, :report_id, :text, :at)
)sql";
constexpr std::string_view kTaskTable = "task";
constexpr std::string_view kAssignmentTable = "task_assignment";
constexpr std::string_view kReportTable = "progress_report";
constexpr std::string_view kEventTable = "task_event";
// The columns TaskBulkLoad fills, in its order.
const std::vector<std::string> kBulkTaskColumns = {"id",       "org_id", "title",      "content",
                                                   "deadline", "weight", "created_by", "created_at"};
const std::vector<std::string> kBulkAssignmentColumns = {
    "id",           "task_id",   "parent_id",   "org_id",       "deadline",     "weight",
    "progress",     "state",     "child_count", "completed_at", "completed_on", "overdue_notified_at",
    "escalated_at", "created_at"};
const std::vector<std::string> kBulkReportColumns = {
    "id", "assignment_id", "percent", "text", "state", "reported_by", "reported_at", "reviewed_by", "reviewed_at"};
const std::vector<std::string> kBulkEventColumns = {"assignment_id", "kind", "org_id", "user_id",
                                                    "report_id",     "text", "at"};
// The columns InsertAssignedEvents fills, in its order.
const std::vector<std::string> kAssignedEventColumns = {"assignment_id", "kind", "org_id", "user_id", "text", "at"};
constexpr std::string_view kSelectEvents = R"sql(
  SELECT e.id, e.kind, o.id, o.name, o.level, u.id, u.display_name, e.text, e.at
  FROM task_event e JOIN org o ON o.id = e.org_id LEFT JOIN user_account u ON u.id = e.user_id
  WHERE e.assignment_id = :id ORDER BY e.id
)sql";

struct AssignmentColumns {
  long long id = 0;
  long long task_id = 0;
  std::string task_title;
  long long issuer_id = 0;
  std::string issuer_name;
  std::string issuer_level;
  long long parent_id = 0;
  soci::indicator parent_indicator = soci::i_null;
  long long org_id = 0;
  std::string org_name;
  std::string org_level;
  std::string org_path;
  std::string deadline;
  int weight = 0;
  int progress = 0;
  std::string state;
  long long child_count = 0;
  long long completed_at = 0;
  soci::indicator completed_indicator = soci::i_null;
  std::string completed_on;
  soci::indicator completed_on_indicator = soci::i_null;
  long long created_at = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(task_id));
    statement.exchange(soci::into(task_title));
    statement.exchange(soci::into(issuer_id));
    statement.exchange(soci::into(issuer_name));
    statement.exchange(soci::into(issuer_level));
    statement.exchange(soci::into(parent_id, parent_indicator));
    statement.exchange(soci::into(org_id));
    statement.exchange(soci::into(org_name));
    statement.exchange(soci::into(org_level));
    statement.exchange(soci::into(org_path));
    statement.exchange(soci::into(deadline));
    statement.exchange(soci::into(weight));
    statement.exchange(soci::into(progress));
    statement.exchange(soci::into(state));
    statement.exchange(soci::into(child_count));
    statement.exchange(soci::into(completed_at, completed_indicator));
    statement.exchange(soci::into(completed_on, completed_on_indicator));
    statement.exchange(soci::into(created_at));
  }

  Assignment ToAssignment() const {
    Assignment a;
    a.id = id;
    a.task_id = task_id;
    a.task_title = task_title;
    a.issuer = OrgRef{issuer_id, issuer_name, issuer_level};
    if (parent_indicator == soci::i_ok) a.parent_id = parent_id;
    a.org = OrgRef{org_id, org_name, org_level};
    a.org_path = org_path;
    a.deadline = deadline;
    a.weight = weight;
    a.progress = progress;
    a.state = state;
    a.child_count = child_count;
    if (completed_indicator == soci::i_ok) a.completed_at = completed_at;
    if (completed_on_indicator == soci::i_ok) a.completed_on = completed_on;
    a.created_at = created_at;
    return a;
  }
};

template <typename Bind>
std::vector<Assignment> SelectAssignments(soci::session& sql, const std::string& tail, Bind bind) {
  AssignmentColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(std::string(kSelectAssignments) + tail);
  statement.define_and_bind();
  statement.execute();
  std::vector<Assignment> rows;
  while (statement.fetch()) rows.push_back(columns.ToAssignment());
  return rows;
}

struct TaskColumns {
  long long id = 0;
  std::string title;
  std::string content;
  std::string deadline;
  int weight = 0;
  long long duty_item_id = 0;
  soci::indicator duty_indicator = soci::i_null;
  std::string duty_description;
  long long issuer_id = 0;
  std::string issuer_name;
  std::string issuer_level;
  long long created_at = 0;
  long long root_id = 0;
  int progress = 0;
  long long undone_count = 0;
  long long done_count = 0;
  long long overdue_count = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(title));
    statement.exchange(soci::into(content));
    statement.exchange(soci::into(deadline));
    statement.exchange(soci::into(weight));
    statement.exchange(soci::into(duty_item_id, duty_indicator));
    statement.exchange(soci::into(duty_description));
    statement.exchange(soci::into(issuer_id));
    statement.exchange(soci::into(issuer_name));
    statement.exchange(soci::into(issuer_level));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(root_id));
    statement.exchange(soci::into(progress));
    statement.exchange(soci::into(undone_count));
    statement.exchange(soci::into(done_count));
    statement.exchange(soci::into(overdue_count));
  }

  Task ToTask() const {
    Task task;
    task.id = id;
    task.title = title;
    task.content = content;
    task.deadline = deadline;
    task.weight = weight;
    if (duty_indicator == soci::i_ok) task.duty_item_id = duty_item_id;
    task.duty_item_description = duty_description;
    task.issuer = OrgRef{issuer_id, issuer_name, issuer_level};
    task.created_at = created_at;
    task.root_assignment_id = root_id;
    task.progress = progress;
    task.executing_count = undone_count + done_count;
    task.done_count = done_count;
    task.overdue_count = overdue_count;
    return task;
  }
};

template <typename Bind>
std::vector<Task> SelectTasks(soci::session& sql, const std::string& tail, Bind bind) {
  TaskColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(std::string(kSelectTasks) + tail);
  statement.define_and_bind();
  statement.execute();
  std::vector<Task> rows;
  while (statement.fetch()) rows.push_back(columns.ToTask());
  return rows;
}

std::vector<OrgNode> SelectOrgs(soci::session& sql, soci::statement& statement, OrgNode& row) {
  (void)sql;
  std::vector<OrgNode> orgs;
  statement.execute();
  while (statement.fetch()) orgs.push_back(row);
  return orgs;
}

struct ReportColumns {
  long long id = 0;
  long long assignment_id = 0;
  int percent = 0;
  std::string text;
  std::string state;
  long long user_id = 0;
  std::string user_name;
  long long reported_at = 0;
  long long reviewed_at = 0;
  soci::indicator reviewed_indicator = soci::i_null;
  std::string reason;
  soci::indicator reason_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(assignment_id));
    statement.exchange(soci::into(percent));
    statement.exchange(soci::into(text));
    statement.exchange(soci::into(state));
    statement.exchange(soci::into(user_id));
    statement.exchange(soci::into(user_name));
    statement.exchange(soci::into(reported_at));
    statement.exchange(soci::into(reviewed_at, reviewed_indicator));
    statement.exchange(soci::into(reason, reason_indicator));
  }

  Report ToReport() const {
    Report report;
    report.id = id;
    report.assignment_id = assignment_id;
    report.percent = percent;
    report.text = text;
    report.state = state;
    report.reported_by = UserRef{user_id, user_name};
    report.reported_at = reported_at;
    if (reviewed_indicator == soci::i_ok) report.reviewed_at = reviewed_at;
    if (reason_indicator == soci::i_ok) report.review_reason = reason;
    return report;
  }
};

template <typename Bind>
std::vector<Report> SelectReports(soci::session& sql, const std::string& tail, Bind bind) {
  ReportColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(std::string(kSelectReports) + tail);
  statement.define_and_bind();
  statement.execute();
  std::vector<Report> rows;
  while (statement.fetch()) rows.push_back(columns.ToReport());
  return rows;
}

// Named values for a statement assembled from optional filters; the values live as long as this.
class Binds {
 public:
  std::string Integer(const std::string& name, std::int64_t value) {
    integers_.emplace_back(name, value);
    return ":" + name;
  }
  std::string Text(const std::string& name, std::string value) {
    texts_.emplace_back(name, std::move(value));
    return ":" + name;
  }
  void Apply(soci::statement& statement) {
    for (auto& [name, value] : integers_) statement.exchange(soci::use(value, name));
    for (auto& [name, value] : texts_) statement.exchange(soci::use(value, name));
  }

 private:
  std::deque<std::pair<std::string, long long>> integers_;
  std::deque<std::pair<std::string, std::string>> texts_;
};

// The conditions of `filter` other than its org (the state as of `as_of`, the task, the
// deadlines), each starting with " AND "; their values go into `binds`.
std::string AssignmentFilterConditions(const AssignmentFilter& filter, std::int64_t as_of, Binds& binds) {
  std::string where;
  if (filter.as_of) where += " AND a.created_at <= " + binds.Integer("created_by_as_of", as_of);
  if (filter.state) {
    const std::string& state = *filter.state;
    if (state == "open" || state == "reported" || state == "returned") {
      where += " AND a.state = " + binds.Text("state", state);
    } else if (state == "to_report") {
      where += " AND a.state IN ('open', 'returned')";
    } else if (state == "done" || state == "on_time") {
      where += " AND a.completed_at IS NOT NULL AND a.completed_at <= " + binds.Integer("done_as_of", as_of);
      if (state == "on_time") where += " AND a.completed_on <= a.deadline";
    } else if (state == "overdue" || state == "undone") {
      where += " AND (a.completed_at IS NULL OR a.completed_at > " + binds.Integer("undone_as_of", as_of) + ")";
      if (state == "overdue") where += " AND a.deadline < " + binds.Text("today", core::ChinaDate(as_of));
    }
  }
  if (filter.task_id) where += " AND a.task_id = " + binds.Integer("task_id", *filter.task_id);
  if (filter.deadline_from) where += " AND a.deadline >= " + binds.Text("deadline_from", *filter.deadline_from);
  if (filter.deadline_to) where += " AND a.deadline <= " + binds.Text("deadline_to", *filter.deadline_to);
  if (filter.executing) {
    where += " AND a.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_assignment c WHERE c.parent_id = a.id"
             " AND c.created_at <= " +
             binds.Integer("executing_as_of", as_of) + ")";
  }
  return where;
}

// One page of the non-root nodes matching `where` (which may use o. for the node's org and a. for
// the node), as `filter` pages them.
Page<Assignment> ListAssignmentsWhere(soci::session& sql, const std::string& where, Binds& binds,
                                      const AssignmentFilter& filter) {
  Page<Assignment> page;
  {
    long long total = 0;
    soci::statement statement(sql);
    statement.exchange(soci::into(total));
    binds.Apply(statement);
    statement.alloc();
    statement.prepare(std::string(kCountAssignments) + " WHERE a.parent_id IS NOT NULL AND " + where);
    statement.define_and_bind();
    statement.execute(true);
    page.total = total;
  }
  const long long page_offset = filter.offset;
  const long long page_limit = filter.limit;
  page.items = SelectAssignments(
      sql,
      " WHERE a.parent_id IS NOT NULL AND " + where + " ORDER BY a.deadline, o.path, a.id LIMIT :limit OFFSET :offset",
      [&](soci::statement& statement) {
        binds.Apply(statement);
        statement.exchange(soci::use(page_limit, "limit"));
        statement.exchange(soci::use(page_offset, "offset"));
      });
  return page;
}

}  // namespace

std::int64_t TaskRepository::InsertRoot(soci::session& sql, std::int64_t task_id, std::int64_t org_id,
                                        const std::string& deadline, int weight, std::int64_t now) const {
  const long long task = task_id;
  const long long org = org_id;
  const long long at = now;
  long long id = 0;
  sql << kInsertRoot, soci::use(task, "task_id"), soci::use(org, "org_id"), soci::use(deadline, "deadline"),
      soci::use(weight, "weight"), soci::use(at, "created_at"), soci::into(id);
  return id;
}

std::map<std::int64_t, std::int64_t> TaskRepository::InsertAssignments(soci::session& sql, std::int64_t task_id,
                                                                      const std::vector<NewNode>& nodes,
                                                                      const std::string& deadline,
                                                                      std::int64_t now) const {
  constexpr std::size_t kRowsPerStatement = 500;
  if (!core::IsIsoDate(deadline)) throw core::AppError(core::ErrorKind::kInternal, "server.internal", "unchecked date");
  std::map<std::int64_t, std::int64_t> made;
  for (std::size_t start = 0; start < nodes.size(); start += kRowsPerStatement) {
    const std::size_t end = std::min(nodes.size(), start + kRowsPerStatement);
    // Every value is an integer or the checked date: nothing a user typed reaches the text.
    std::string values;
    for (std::size_t i = start; i < end; ++i) {
      values += (i == start ? "(" : ",(") + std::to_string(task_id) + "," + std::to_string(nodes[i].parent_id) + "," +
                std::to_string(nodes[i].org_id) + ",'" + deadline + "'," + std::to_string(nodes[i].weight) + "," +
                std::to_string(now) + ")";
    }
    std::vector<long long> ids(end - start);
    std::vector<long long> orgs(end - start);
    sql << "INSERT INTO task_assignment (task_id, parent_id, org_id, deadline, weight, created_at) VALUES " + values +
               " RETURNING id, org_id",
        soci::into(ids), soci::into(orgs);
    for (std::size_t i = 0; i < ids.size(); ++i) made[orgs[i]] = ids[i];
  }
  return made;
}

std::int64_t TaskRepository::InsertTask(soci::session& sql, std::int64_t org_id, const NewTask& task,
                                        std::int64_t user_id, std::int64_t now) const {
  const long long org = org_id;
  const long long duty = task.duty_item_id.value_or(0);
  soci::indicator duty_indicator = task.duty_item_id ? soci::i_ok : soci::i_null;
  const long long user = user_id;
  const long long at = now;
  long long id = 0;
  sql << kInsertTask, soci::use(org, "org_id"), soci::use(task.title, "title"), soci::use(task.content, "content"),
      soci::use(task.deadline, "deadline"), soci::use(task.weight, "weight"),
      soci::use(duty, duty_indicator, "duty_item_id"), soci::use(user, "created_by"), soci::use(at, "created_at"),
      soci::into(id);
  return id;
}

std::optional<TaskOrigin> TaskRepository::FindOrigin(soci::session& sql, std::int64_t task_id) const {
  const long long key = task_id;
  TaskOrigin origin{"joint_meeting"};
  long long meeting_id = 0;
  long long resolution_id = 0;
  sql << kSelectOrigin, soci::use(key, "task_id"), soci::into(meeting_id), soci::into(origin.meeting_title),
      soci::into(resolution_id), soci::into(origin.resolution_position);
  if (!sql.got_data()) return std::nullopt;
  origin.meeting_id = meeting_id;
  origin.resolution_id = resolution_id;
  return origin;
}

std::optional<Task> TaskRepository::FindTask(soci::session& sql, std::int64_t task_id,
                                             const std::string& today) const {
  const long long id = task_id;
  auto rows = SelectTasks(sql, " WHERE t.id = :id", [&](soci::statement& statement) {
    statement.exchange(soci::use(today, "today"));
    statement.exchange(soci::use(id, "id"));
  });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

Page<Task> TaskRepository::ListIssued(soci::session& sql, std::int64_t org_id, const std::string& today,
                                      std::int64_t offset, std::int64_t limit) const {
  const long long org = org_id;
  const long long page_offset = offset;
  const long long page_limit = limit;
  Page<Task> page;
  long long total = 0;
  sql << "SELECT COUNT(*) FROM task WHERE org_id = :org_id", soci::use(org, "org_id"), soci::into(total);
  page.total = total;
  // The page's ids first: ordered and limited outside, the counts of every task the org ever issued
  // would be computed before the sort (0.5 s a page on the megacity's 200 tasks).
  page.items = SelectTasks(sql,
                           " WHERE t.id IN (SELECT id FROM task WHERE org_id = :org_id"
                           " ORDER BY id DESC LIMIT :limit OFFSET :offset) ORDER BY t.id DESC",
                           [&](soci::statement& statement) {
                             statement.exchange(soci::use(today, "today"));
                             statement.exchange(soci::use(org, "org_id"));
                             statement.exchange(soci::use(page_limit, "limit"));
                             statement.exchange(soci::use(page_offset, "offset"));
                           });
  return page;
}

bool TaskRepository::TaskVisibleIn(soci::session& sql, std::int64_t task_id, const core::OrgScope& scope) const {
  const long long id = task_id;
  long long count = 0;
  sql << kTaskVisible, soci::use(id, "task_id"), db::UseScope{scope}, soci::into(count);
  return count > 0;
}

std::optional<std::int64_t> TaskRepository::NodeOfOrg(soci::session& sql, std::int64_t task_id,
                                                      std::int64_t org_id) const {
  const long long task = task_id;
  const long long org = org_id;
  long long id = 0;
  sql << kNodeOfOrg, soci::use(task, "task_id"), soci::use(org, "org_id"), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return id;
}

std::string TaskRepository::TaskContent(soci::session& sql, std::int64_t task_id) const {
  const long long id = task_id;
  std::string content;
  sql << "SELECT content FROM task WHERE id = :id", soci::use(id, "id"), soci::into(content);
  return content;
}

bool TaskRepository::DutyItemExists(soci::session& sql, std::int64_t duty_item_id) const {
  const long long id = duty_item_id;
  long long count = 0;
  sql << "SELECT COUNT(*) FROM duty_item WHERE id = :id", soci::use(id, "id"), soci::into(count);
  return count > 0;
}

std::vector<OrgNode> TaskRepository::ChildOrgs(soci::session& sql, std::int64_t org_id) const {
  const long long org = org_id;
  OrgNode row;
  soci::statement statement = (sql.prepare << kChildOrgs, soci::use(org, "org_id"), soci::into(row.id),
                               soci::into(row.path), soci::into(row.level), soci::into(row.name));
  return SelectOrgs(sql, statement, row);
}

std::vector<OrgNode> TaskRepository::OrgsOfLevel(soci::session& sql, const core::OrgScope& scope,
                                                 const std::string& level) const {
  OrgNode row;
  soci::statement statement =
      (sql.prepare << kOrgsOfLevel, db::UseScope{scope}, soci::use(level, "level"), soci::into(row.id), soci::into(row.path), soci::into(row.level), soci::into(row.name));
  return SelectOrgs(sql, statement, row);
}

std::optional<OrgNode> TaskRepository::FindOrg(soci::session& sql, std::int64_t org_id) const {
  const long long id = org_id;
  OrgNode row;
  long long row_id = 0;
  sql << kFindOrg, soci::use(id, "id"), soci::into(row_id), soci::into(row.path), soci::into(row.level),
      soci::into(row.name);
  if (!sql.got_data()) return std::nullopt;
  row.id = row_id;
  return row;
}

std::map<std::int64_t, std::int64_t> TaskRepository::NodesInScope(soci::session& sql, std::int64_t task_id,
                                                                  const core::OrgScope& scope) const {
  const long long task = task_id;
  long long org_id = 0;
  long long node_id = 0;
  soci::statement statement = (sql.prepare << kNodesInScope, soci::use(task, "task_id"), db::UseScope{scope},
                               soci::into(org_id), soci::into(node_id));
  statement.execute();
  std::map<std::int64_t, std::int64_t> nodes;
  while (statement.fetch()) nodes[org_id] = node_id;
  return nodes;
}

std::optional<Assignment> TaskRepository::FindAssignment(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  auto rows = SelectAssignments(sql, " WHERE a.id = :id",
                                [&](soci::statement& statement) { statement.exchange(soci::use(key, "id")); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Assignment> TaskRepository::Children(soci::session& sql, std::int64_t parent_id) const {
  const long long key = parent_id;
  return SelectAssignments(sql, " WHERE a.parent_id = :id ORDER BY o.path",
                           [&](soci::statement& statement) { statement.exchange(soci::use(key, "id")); });
}

Page<Assignment> TaskRepository::ListAssignmentsOfOrg(soci::session& sql, std::int64_t org_id,
                                                      const AssignmentFilter& filter, std::int64_t as_of) const {
  Binds binds;
  const std::string where = std::string(kAssignmentOfOrg) + binds.Integer("org_id", org_id);
  return ListAssignmentsWhere(sql, where + AssignmentFilterConditions(filter, as_of, binds), binds, filter);
}

Page<Assignment> TaskRepository::ListAssignmentsInScope(soci::session& sql, const core::OrgScope& scope,
                                                        const AssignmentFilter& filter, std::int64_t as_of) const {
  Binds binds;
  const std::string where = std::string(kAssignmentOrgAtLeast) + binds.Text("scope", scope.Path()) +
                            std::string(kAssignmentOrgBelow) + binds.Text("scope_end", scope.End());
  return ListAssignmentsWhere(sql, where + AssignmentFilterConditions(filter, as_of, binds), binds, filter);
}

void TaskRepository::AddChildren(soci::session& sql, std::int64_t id, std::int64_t count) const {
  const long long key = id;
  const long long added = count;
  sql << kAddChildren, soci::use(added, "count"), soci::use(key, "id");
}

int TaskRepository::ChildrenProgress(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  long long progress = 0;
  sql << kChildrenProgress, soci::use(key, "id"), soci::into(progress);
  return static_cast<int>(progress);
}

void TaskRepository::SetProgress(soci::session& sql, std::int64_t id, int progress, const std::string& state,
                                 std::optional<std::int64_t> completed_at,
                                 std::optional<std::string> completed_on) const {
  const long long key = id;
  const long long at = completed_at.value_or(0);
  soci::indicator at_indicator = completed_at ? soci::i_ok : soci::i_null;
  const std::string on = completed_on.value_or("");
  soci::indicator on_indicator = completed_on ? soci::i_ok : soci::i_null;
  sql << kSetProgress, soci::use(progress, "progress"), soci::use(state, "state"),
      soci::use(at, at_indicator, "completed_at"), soci::use(on, on_indicator, "completed_on"), soci::use(key, "id");
}

void TaskRepository::SetState(soci::session& sql, std::int64_t id, const std::string& state) const {
  const long long key = id;
  sql << kSetState, soci::use(state, "state"), soci::use(key, "id");
}

std::int64_t TaskRepository::InsertReport(soci::session& sql, std::int64_t assignment_id, const NewReport& report,
                                          std::int64_t user_id, std::int64_t now) const {
  const long long assignment = assignment_id;
  const long long user = user_id;
  const long long at = now;
  long long id = 0;
  sql << kInsertReport, soci::use(assignment, "assignment_id"), soci::use(report.percent, "percent"),
      soci::use(report.text, "text"), soci::use(user, "reported_by"), soci::use(at, "reported_at"), soci::into(id);
  return id;
}

std::optional<Report> TaskRepository::FindReport(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  auto rows = SelectReports(sql, " WHERE r.id = :id",
                            [&](soci::statement& statement) { statement.exchange(soci::use(key, "id")); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Report> TaskRepository::ListReports(soci::session& sql, std::int64_t assignment_id) const {
  const long long key = assignment_id;
  return SelectReports(sql, " WHERE r.assignment_id = :id ORDER BY r.id DESC",
                       [&](soci::statement& statement) { statement.exchange(soci::use(key, "id")); });
}

void TaskRepository::ReviewReport(soci::session& sql, std::int64_t id, const std::string& state, std::int64_t user_id,
                                  std::int64_t now, const std::optional<std::string>& reason) const {
  const long long key = id;
  const long long user = user_id;
  const long long at = now;
  const std::string text = reason.value_or("");
  soci::indicator reason_indicator = reason ? soci::i_ok : soci::i_null;
  sql << kReviewReport, soci::use(state, "state"), soci::use(user, "reviewed_by"), soci::use(at, "reviewed_at"),
      soci::use(text, reason_indicator, "reason"), soci::use(key, "id");
}

bool TaskRepository::HasPendingReport(soci::session& sql, std::int64_t assignment_id) const {
  const long long key = assignment_id;
  long long count = 0;
  sql << kHasPending, soci::use(key, "id"), soci::into(count);
  return count > 0;
}

Page<PendingReview> TaskRepository::ListPendingReviews(soci::session& sql, std::int64_t reviewer_org_id,
                                                       std::int64_t offset, std::int64_t limit) const {
  const long long org = reviewer_org_id;
  Page<PendingReview> page;
  long long total = 0;
  sql << "SELECT COUNT(*) " + std::string(kPendingForReviewer), soci::use(org, "org_id"), soci::into(total);
  page.total = total;
  std::vector<long long> ids;
  {
    long long id = 0;
    const long long page_offset = offset;
    const long long page_limit = limit;
    soci::statement statement =
        (sql.prepare << "SELECT r.id " + std::string(kPendingForReviewer) +
                            " ORDER BY r.id LIMIT :limit OFFSET :offset",
         soci::use(org, "org_id"), soci::use(page_limit, "limit"), soci::use(page_offset, "offset"), soci::into(id));
    statement.execute();
    while (statement.fetch()) ids.push_back(id);
  }
  for (const long long id : ids) {
    auto report = FindReport(sql, id);
    auto assignment = FindAssignment(sql, report->assignment_id);
    page.items.push_back(PendingReview{std::move(*report), std::move(*assignment)});
  }
  return page;
}

void TaskRepository::InsertEvent(soci::session& sql, std::int64_t assignment_id, const std::string& kind,
                                 std::int64_t org_id, std::optional<std::int64_t> user_id,
                                 std::optional<std::int64_t> report_id, const std::string& text,
                                 std::int64_t now) const {
  const long long assignment = assignment_id;
  const long long org = org_id;
  const long long user = user_id.value_or(0);
  soci::indicator user_indicator = user_id ? soci::i_ok : soci::i_null;
  const long long report = report_id.value_or(0);
  soci::indicator report_indicator = report_id ? soci::i_ok : soci::i_null;
  const long long at = now;
  sql << kInsertEvent, soci::use(assignment, "assignment_id"), soci::use(kind, "kind"), soci::use(org, "org_id"),
      soci::use(user, user_indicator, "user_id"), soci::use(report, report_indicator, "report_id"),
      soci::use(text, "text"), soci::use(at, "at");
}

std::vector<Event> TaskRepository::ListEvents(soci::session& sql, std::int64_t assignment_id) const {
  const long long key = assignment_id;
  Event row;
  long long id = 0;
  long long org_id = 0;
  long long user_id = 0;
  soci::indicator user_indicator = soci::i_null;
  std::string user_name;
  soci::indicator name_indicator = soci::i_null;
  long long at = 0;
  soci::statement statement =
      (sql.prepare << kSelectEvents, soci::use(key, "id"), soci::into(id), soci::into(row.kind), soci::into(org_id),
       soci::into(row.org.name), soci::into(row.org.level), soci::into(user_id, user_indicator),
       soci::into(user_name, name_indicator), soci::into(row.text), soci::into(at));
  statement.execute();
  std::vector<Event> events;
  while (statement.fetch()) {
    Event event = row;
    event.id = id;
    event.org.id = org_id;
    if (user_indicator == soci::i_ok) event.user = UserRef{user_id, user_name};
    event.at = at;
    events.push_back(std::move(event));
  }
  return events;
}

std::vector<Assignment> TaskRepository::DueForOverdueNotice(soci::session& sql, const std::string& before_date,
                                                            bool escalation, std::int64_t limit) const {
  const long long page_limit = limit;
  const std::string column = escalation ? "a.escalated_at" : "a.overdue_notified_at";
  return SelectAssignments(sql,
                           " WHERE a.completed_at IS NULL AND a.deadline < :before AND a.parent_id IS NOT NULL AND " +
                               column + " IS NULL ORDER BY a.deadline, a.id LIMIT :limit",  // migration 0019
                           [&](soci::statement& statement) {
                             statement.exchange(soci::use(before_date, "before"));
                             statement.exchange(soci::use(page_limit, "limit"));
                           });
}

bool TaskRepository::MarkNotified(soci::session& sql, std::int64_t id, bool escalation, std::int64_t now) const {
  const long long key = id;
  const long long at = now;
  const std::string column = escalation ? "escalated_at" : "overdue_notified_at";
  // Conditional, so that of two servers sweeping at once only one tells anybody.
  soci::statement statement = (sql.prepare << "UPDATE task_assignment SET " + column + " = :at WHERE id = :id AND " +
                                                  column + " IS NULL",
                               soci::use(at, "at"), soci::use(key, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

bool TaskRepository::TakeSweepTurn(db::Session& session) const {
  if (session.dialect() != db::Dialect::kPostgresql) return true;
  // The key: "ldsweep" in ASCII, one number for every Liandong server of this database.
  constexpr long long kSweepLockKey = 0x6c64737765657000LL;
  int taken = 0;
  session.sql() << "SELECT CASE WHEN pg_try_advisory_xact_lock(:key) THEN 1 ELSE 0 END", soci::use(kSweepLockKey, "key"),
      soci::into(taken);
  return taken == 1;
}

bool IsAssignmentStateFilter(const std::string& state) {
  return state == "open" || state == "reported" || state == "returned" || state == "done" || state == "on_time" ||
         state == "overdue" || state == "undone" || state == "to_report";
}

void TaskRepository::InsertAssignedEvents(db::Session& session, const std::vector<std::int64_t>& assignment_ids,
                                          std::int64_t issuer_org_id, std::int64_t user_id, const std::string& text,
                                          std::int64_t now) const {
  db::BulkInserter events(session, std::string(kEventTable), kAssignedEventColumns);
  for (const std::int64_t assignment_id : assignment_ids) {
    events.Add({assignment_id, "assigned", issuer_org_id, user_id, std::string_view(text), now});
  }
  events.Finish();
}

TaskBulkLoad::TaskBulkLoad(db::Session& session)
    : session_(session),
      tasks_(session, std::string(kTaskTable), kBulkTaskColumns),
      assignments_(session, std::string(kAssignmentTable), kBulkAssignmentColumns),
      reports_(session, std::string(kReportTable), kBulkReportColumns),
      events_(session, std::string(kEventTable), kBulkEventColumns) {
  assignments_.FlushFirst(tasks_);
  reports_.FlushFirst(assignments_);
  events_.FlushFirst(reports_);
}

namespace {

db::BulkValue IdOrNull(const std::optional<std::int64_t>& value) {
  return value ? db::BulkValue(*value) : db::BulkValue();
}

}  // namespace

void TaskBulkLoad::AddTask(std::int64_t id, std::int64_t org_id, const std::string& title, const std::string& content,
                           const std::string& deadline, int weight, std::int64_t created_by, std::int64_t created_at) {
  tasks_.Add({id, org_id, title, content, deadline, weight, created_by, created_at});
}

void TaskBulkLoad::AddAssignment(const BulkAssignment& node) {
  assignments_.Add({node.id, node.task_id, IdOrNull(node.parent_id), node.org_id, node.deadline, node.weight,
                    node.progress, node.state, node.child_count, IdOrNull(node.completed_at),
                    node.completed_on ? db::BulkValue(*node.completed_on) : db::BulkValue(),
                    IdOrNull(node.overdue_notified_at), IdOrNull(node.escalated_at), node.created_at});
}

void TaskBulkLoad::AddReport(std::int64_t id, std::int64_t assignment_id, int percent, const std::string& text,
                             const std::string& state, std::int64_t reported_by, std::int64_t reported_at,
                             std::optional<std::int64_t> reviewed_by, std::optional<std::int64_t> reviewed_at) {
  reports_.Add({id, assignment_id, percent, text, state, reported_by, reported_at, IdOrNull(reviewed_by),
                IdOrNull(reviewed_at)});
}

void TaskBulkLoad::AddEvent(std::int64_t assignment_id, std::string_view kind, std::int64_t org_id,
                            std::int64_t user_id, std::optional<std::int64_t> report_id, std::string_view text,
                            std::int64_t at) {
  events_.Add({assignment_id, kind, org_id, user_id, IdOrNull(report_id), text, at});
}

void TaskBulkLoad::Finish() {
  tasks_.Finish();
  assignments_.Finish();
  reports_.Finish();
  events_.Finish();
  db::ResetIdSequences(session_, {std::string(kTaskTable), std::string(kAssignmentTable), std::string(kReportTable),
                                  std::string(kEventTable)});
}

}  // namespace liandong::task
