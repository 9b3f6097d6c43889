// Rules of tasks: who may issue, decompose, report and review; the cascade down the org tree;
// the weighted roll-up up the assignment tree in the same transaction as every change; overdue
// notices and escalation. Every change is audited and announced in the inbox.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/attachment/attachment_store.hpp"
#include "features/notification/notification_service.hpp"
#include "features/setting/setting_service.hpp"
#include "features/task/task_model.hpp"
#include "features/task/task_repository.hpp"

namespace liandong::task {

struct SweepResult {
  std::int64_t overdue = 0;    // nodes whose org was told they are overdue
  std::int64_t escalated = 0;  // nodes whose parent's org was told
};

class TaskService {
 public:
  TaskService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit_service,
              const notification::NotificationService& notification_service,
              const attachment::AttachmentStore& attachment_store, const setting::SettingService& setting_service)
      : database_(database),
        clock_(clock),
        audit_service_(audit_service),
        notification_service_(notification_service),
        attachment_store_(attachment_store),
        setting_service_(setting_service) {}

  // Issues a task from the actor's org to the targets, creating every node in one transaction.
  Task Issue(const core::Actor& actor, const NewTask& task) const;
  // The same inside the caller's open write transaction, for features that link what they issue
  // (a joint meeting's resolution) in that transaction.
  Task IssueIn(db::Session& session, const core::Actor& actor, const NewTask& task) const;
  Page<Task> ListIssued(const core::Actor& actor, std::int64_t offset, std::int64_t limit) const;
  Task GetTask(const core::Actor& actor, std::int64_t task_id) const;

  Page<Assignment> ListAssignments(const core::Actor& actor, const AssignmentFilter& filter) const;
  AssignmentDetail GetAssignment(const core::Actor& actor, std::int64_t assignment_id) const;
  std::vector<Assignment> Children(const core::Actor& actor, std::int64_t assignment_id) const;
  // The actor's org passes its part on to orgs below it: the new child nodes.
  std::vector<Assignment> Decompose(const core::Actor& actor, std::int64_t assignment_id,
                                    const Decomposition& decomposition) const;

  attachment::Attachment Upload(const core::Actor& actor, std::int64_t assignment_id, const std::string& file_name,
                                std::string_view content) const;
  Report SubmitReport(const core::Actor& actor, std::int64_t assignment_id, const NewReport& report) const;
  Page<PendingReview> ListPendingReviews(const core::Actor& actor, std::int64_t offset, std::int64_t limit) const;
  Report Accept(const core::Actor& actor, std::int64_t report_id) const;
  Report Return(const core::Actor& actor, std::int64_t report_id, const std::string& reason) const;

  // A node in the caller's session, without checks, for features that link to one (supervision,
  // accountability); they check the scope against what they hold.
  std::optional<Assignment> FindAssignment(soci::session& sql, std::int64_t id) const {
    return repository_.FindAssignment(sql, id);
  }

  // A task in the caller's session without a scope check, with the actor's org's node: for
  // features that show the task they issued (a joint meeting's resolution).
  std::optional<Task> FindTask(soci::session& sql, const core::Actor& actor, std::int64_t task_id) const;

  // Tells the orgs of newly overdue nodes, and the level above of nodes overdue for the
  // escalation setting's days. Run periodically by the server.
  SweepResult Sweep() const;

  // Starts loading tasks in bulk with chosen ids and states, in the caller's open transaction,
  // without checks: for generated data sets (demo --scale) only.
  std::unique_ptr<TaskBulkLoad> StartBulkLoad(db::Session& session) const {
    return std::make_unique<TaskBulkLoad>(session);
  }

 private:
  std::string Today() const;
  Assignment FindInScope(soci::session& sql, const core::Actor& actor, std::int64_t assignment_id) const;
  // The orgs a targets spec reaches below `from`, each strictly inside `scope` (from's subtree).
  std::vector<OrgNode> ResolveTargets(soci::session& sql, const core::OrgScope& scope, const OrgNode& from,
                                      const Targets& targets) const;
  // Creates the nodes from `root` (a node of `root_org`) down to every target, with the orgs in
  // between; returns the nodes made for the targets themselves, in target order.
  std::vector<std::int64_t> Cascade(db::Session& session, const core::Actor& actor, std::int64_t task_id,
                                    const std::string& title, std::int64_t root, const OrgNode& root_org,
                                    const std::vector<OrgNode>& targets, const std::string& deadline,
                                    int weight) const;
  // Recomputes the progress of `node_id` from its children, then of each ancestor, to the root.
  void RollUp(soci::session& sql, std::int64_t node_id) const;
  void LoadAttachments(soci::session& sql, std::vector<Report>& reports) const;
  // A pending report in the actor's subtree whose node's parent is the actor's org, or the error.
  struct ReviewTarget {
    Report report;
    Assignment node;
    Assignment parent;
  };
  ReviewTarget PendingReportToReview(soci::session& sql, const core::Actor& actor, std::int64_t report_id) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_service_;
  const notification::NotificationService& notification_service_;
  const attachment::AttachmentStore& attachment_store_;
  const setting::SettingService& setting_service_;
  TaskRepository repository_;
};

}  // namespace liandong::task
