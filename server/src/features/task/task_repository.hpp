// SQL of the task feature: tasks, their assignment tree, reports and the timeline.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/org_scope.hpp"
#include "db/bulk_insert.hpp"
#include "db/database.hpp"
#include "features/task/task_model.hpp"

namespace liandong::task {

// An org as the cascade needs it.
struct OrgNode {
  std::int64_t id = 0;
  std::string path;
  std::string level;
  std::string name;
};

// A node to insert: under `parent_id`, for `org_id`.
struct NewNode {
  std::int64_t parent_id = 0;
  std::int64_t org_id = 0;
  int weight = 1;
};

// A node of a generated task, with its state as the caller computed it (demo --scale).
struct BulkAssignment {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  std::optional<std::int64_t> parent_id;  // none for the root
  std::int64_t org_id = 0;
  std::string deadline;
  int weight = 1;
  int progress = 0;  // in hundredths of a percent
  std::string state;
  int child_count = 0;
  std::optional<std::int64_t> completed_at;
  std::optional<std::string> completed_on;
  std::optional<std::int64_t> overdue_notified_at;
  std::optional<std::int64_t> escalated_at;
  std::int64_t created_at = 0;
};

// Tasks loaded in bulk with ids the caller chose (demo --scale), in the caller's open
// transaction: tasks, their nodes, reports and timeline events, each sent after the rows it
// refers to. Nothing is checked.
class TaskBulkLoad {
 public:
  explicit TaskBulkLoad(db::Session& session);
  void AddTask(std::int64_t id, std::int64_t org_id, const std::string& title, const std::string& content,
               const std::string& deadline, int weight, std::int64_t created_by, std::int64_t created_at);
  void AddAssignment(const BulkAssignment& node);
  // A report; `reviewed_by` and `reviewed_at` are set once it was reviewed.
  void AddReport(std::int64_t id, std::int64_t assignment_id, int percent, const std::string& text,
                 const std::string& state, std::int64_t reported_by, std::int64_t reported_at,
                 std::optional<std::int64_t> reviewed_by, std::optional<std::int64_t> reviewed_at);
  void AddEvent(std::int64_t assignment_id, std::string_view kind, std::int64_t org_id, std::int64_t user_id,
                std::optional<std::int64_t> report_id, std::string_view text, std::int64_t at);
  // Sends what is buffered and moves PostgreSQL's id sequences past the loaded ids; call before
  // committing.
  void Finish();

 private:
  db::Session& session_;
  db::BulkInserter tasks_;
  db::BulkInserter assignments_;
  db::BulkInserter reports_;
  db::BulkInserter events_;
};

// True for the states ListAssignments can filter by: open, reported, returned (the node's state),
// done, on_time, overdue, undone (as of a moment).
bool IsAssignmentStateFilter(const std::string& state);

class TaskRepository {
 public:
  // Inserts nodes of a task, many rows per statement (a task can reach thousands of orgs);
  // returns org id → new node id. `deadline` must be a checked ISO date.
  std::map<std::int64_t, std::int64_t> InsertAssignments(soci::session& sql, std::int64_t task_id,
                                                         const std::vector<NewNode>& nodes,
                                                         const std::string& deadline, std::int64_t now) const;
  // The issuer's own node, the root of the task's tree.
  std::int64_t InsertRoot(soci::session& sql, std::int64_t task_id, std::int64_t org_id, const std::string& deadline,
                          int weight, std::int64_t now) const;
  std::int64_t InsertTask(soci::session& sql, std::int64_t org_id, const NewTask& task, std::int64_t user_id,
                          std::int64_t now) const;
  std::optional<Task> FindTask(soci::session& sql, std::int64_t task_id, const std::string& today) const;
  // The resolution of a joint meeting the task was issued for, if it was.
  std::optional<TaskOrigin> FindOrigin(soci::session& sql, std::int64_t task_id) const;
  Page<Task> ListIssued(soci::session& sql, std::int64_t org_id, const std::string& today, std::int64_t offset,
                        std::int64_t limit) const;
  bool TaskVisibleIn(soci::session& sql, std::int64_t task_id, const core::OrgScope& scope) const;
  std::optional<std::int64_t> NodeOfOrg(soci::session& sql, std::int64_t task_id, std::int64_t org_id) const;
  std::string TaskContent(soci::session& sql, std::int64_t task_id) const;
  bool DutyItemExists(soci::session& sql, std::int64_t duty_item_id) const;

  // Orgs for targets: live, strictly inside `scope`.
  std::vector<OrgNode> ChildOrgs(soci::session& sql, std::int64_t org_id) const;
  std::vector<OrgNode> OrgsOfLevel(soci::session& sql, const core::OrgScope& scope, const std::string& level) const;
  std::optional<OrgNode> FindOrg(soci::session& sql, std::int64_t org_id) const;
  // The task's nodes of orgs inside `scope` (the root of the scope included): org id → node id.
  std::map<std::int64_t, std::int64_t> NodesInScope(soci::session& sql, std::int64_t task_id,
                                                    const core::OrgScope& scope) const;

  std::optional<Assignment> FindAssignment(soci::session& sql, std::int64_t id) const;
  std::vector<Assignment> Children(soci::session& sql, std::int64_t parent_id) const;
  // One page of the non-root nodes of the org `org_id` that match the rest of `filter` (the state
  // as of `as_of`, the task, the deadlines; its org and subtree are not read). The state must
  // pass IsAssignmentStateFilter.
  Page<Assignment> ListAssignmentsOfOrg(soci::session& sql, std::int64_t org_id, const AssignmentFilter& filter,
                                        std::int64_t as_of) const;
  // The same for the nodes of every org inside `scope`, its root included.
  Page<Assignment> ListAssignmentsInScope(soci::session& sql, const core::OrgScope& scope,
                                          const AssignmentFilter& filter, std::int64_t as_of) const;
  void AddChildren(soci::session& sql, std::int64_t id, std::int64_t count) const;
  // The weighted mean progress of a node's children.
  int ChildrenProgress(soci::session& sql, std::int64_t id) const;
  void SetProgress(soci::session& sql, std::int64_t id, int progress, const std::string& state,
                   std::optional<std::int64_t> completed_at, std::optional<std::string> completed_on) const;
  void SetState(soci::session& sql, std::int64_t id, const std::string& state) const;

  std::int64_t InsertReport(soci::session& sql, std::int64_t assignment_id, const NewReport& report,
                            std::int64_t user_id, std::int64_t now) const;
  std::optional<Report> FindReport(soci::session& sql, std::int64_t id) const;
  std::vector<Report> ListReports(soci::session& sql, std::int64_t assignment_id) const;
  void ReviewReport(soci::session& sql, std::int64_t id, const std::string& state, std::int64_t user_id,
                    std::int64_t now, const std::optional<std::string>& reason) const;
  bool HasPendingReport(soci::session& sql, std::int64_t assignment_id) const;
  Page<PendingReview> ListPendingReviews(soci::session& sql, std::int64_t reviewer_org_id, std::int64_t offset,
                                         std::int64_t limit) const;

  void InsertEvent(soci::session& sql, std::int64_t assignment_id, const std::string& kind, std::int64_t org_id,
                   std::optional<std::int64_t> user_id, std::optional<std::int64_t> report_id,
                   const std::string& text, std::int64_t now) const;
  std::vector<Event> ListEvents(soci::session& sql, std::int64_t assignment_id) const;
  // One "assigned" event per node a task just reached, in the caller's open transaction (a task
  // can reach thousands of orgs): by the issuing org and user.
  void InsertAssignedEvents(db::Session& session, const std::vector<std::int64_t>& assignment_ids,
                            std::int64_t issuer_org_id, std::int64_t user_id, const std::string& text,
                            std::int64_t now) const;

  // Open non-root nodes past their deadline whose org has not been told (or, for `escalation`,
  // whose parent has not): at most `limit`.
  std::vector<Assignment> DueForOverdueNotice(soci::session& sql, const std::string& before_date,
                                              bool escalation, std::int64_t limit) const;
  // Marks the node told; false when another sweep did first.
  bool MarkNotified(soci::session& sql, std::int64_t id, bool escalation, std::int64_t now) const;
  // The sweep's turn, in the caller's write transaction, until it ends: false when another server
  // sweeps the same PostgreSQL database right now (a transaction-level advisory lock), so that
  // several servers do not all read and lock the same overdue nodes. On SQLite the write
  // transaction already excludes any other sweep.
  bool TakeSweepTurn(db::Session& session) const;
};

}  // namespace liandong::task
