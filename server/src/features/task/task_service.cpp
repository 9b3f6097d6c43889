#include "features/task/task_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"
#include "features/org/org_model.hpp"

namespace liandong::task {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxTitle = 100;    // characters
constexpr std::size_t kMaxContent = 5000;
constexpr std::size_t kMaxText = 2000;
constexpr std::size_t kMaxReason = 500;
constexpr std::size_t kMaxAttachments = 20;
constexpr std::size_t kMaxListedTargets = 10000;
constexpr std::int64_t kSweepBatch = 500;

const std::set<std::string>& Levels() {
  static const std::set<std::string> levels = {"district", "street", "community", "grid"};
  return levels;
}

void RequireText(const std::string& text, std::size_t max, const char* code) {
  if (text.empty() || core::CharacterCount(text) > max) throw AppError(ErrorKind::kInvalidArgument, code);
}


std::string NodeLink(std::int64_t id) { return "/tasks/assignments/" + std::to_string(id); }

}  // namespace

int OverdueDays(const Assignment& assignment, const std::string& today) {
  if (assignment.completed_at || !assignment.parent_id || assignment.deadline >= today) return 0;
  return static_cast<int>(core::DaysOfIsoDate(today) - core::DaysOfIsoDate(assignment.deadline));
}

std::string TaskService::Today() const { return core::ChinaDate(clock_.NowSeconds()); }

Assignment TaskService::FindInScope(soci::session& sql, const core::Actor& actor, std::int64_t assignment_id) const {
  return core::RequireInScope(core::OrgScope::Of(actor), repository_.FindAssignment(sql, assignment_id),
                              [](const Assignment& assignment) { return assignment.org_path; },
                              "task.assignment_not_found");
}

std::vector<OrgNode> TaskService::ResolveTargets(soci::session& sql, const core::OrgScope& scope, const OrgNode& from,
                                                 const Targets& targets) const {
  std::vector<OrgNode> orgs;
  if (targets.mode == "children") {
    orgs = repository_.ChildOrgs(sql, from.id);
  } else if (targets.mode == "level") {
    if (!targets.level || Levels().count(*targets.level) == 0) {
      throw AppError(ErrorKind::kInvalidArgument, "task.invalid_targets", "level");
    }
    orgs = repository_.OrgsOfLevel(sql, scope, *targets.level);
  } else if (targets.mode == "list") {
    if (targets.org_ids.size() > kMaxListedTargets) throw AppError(ErrorKind::kInvalidArgument, "task.invalid_targets");
    std::set<std::int64_t> seen;
    for (const std::int64_t id : targets.org_ids) {
      if (!seen.insert(id).second) continue;
      // A target outside the issuing org's subtree is answered as one that does not exist.
      const OrgNode org = core::RequireInScope(scope, repository_.FindOrg(sql, id),
                                               [](const OrgNode& node) { return node.path; }, "task.target_not_found");
      if (org.id == from.id) throw AppError(ErrorKind::kInvalidArgument, "task.invalid_targets", "its own org");
      orgs.push_back(org);
    }
  } else {
    throw AppError(ErrorKind::kInvalidArgument, "task.invalid_targets", "mode");
  }
  if (orgs.empty()) throw AppError(ErrorKind::kInvalidArgument, "task.no_targets");
  std::sort(orgs.begin(), orgs.end(), [](const OrgNode& a, const OrgNode& b) { return a.path < b.path; });
  return orgs;
}

std::vector<std::int64_t> TaskService::Cascade(db::Session& session, const core::Actor& actor, std::int64_t task_id,
                                               const std::string& title, std::int64_t root, const OrgNode& root_org,
                                               const std::vector<OrgNode>& targets, const std::string& deadline,
                                               int weight) const {
  soci::session& sql = session.sql();
  const std::int64_t now = clock_.NowSeconds();
  std::map<std::int64_t, std::int64_t> nodes =
      repository_.NodesInScope(sql, task_id, *core::OrgScope::Of(actor).Narrow(root_org.path));
  nodes[root_org.id] = root;
  const std::size_t root_depth = core::IdsOnPath(root_org.path).size();
  // The orgs missing a node, level by level below the root, each with its parent org; a target
  // keeps the decomposition's weight, an org in between weighs 1.
  std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> missing;  // per depth: org, parent org
  std::map<std::int64_t, bool> pending;                                     // org → is a target
  for (const OrgNode& target : targets) {
    const std::vector<std::int64_t> chain = core::IdsOnPath(target.path);
    for (std::size_t i = root_depth; i < chain.size(); ++i) {
      if (nodes.count(chain[i]) > 0) continue;
      const bool is_target = i + 1 == chain.size();
      const auto [found, added] = pending.emplace(chain[i], is_target);
      if (!added) {
        found->second = found->second || is_target;
        continue;
      }
      if (missing.size() <= i - root_depth) missing.resize(i - root_depth + 1);
      missing[i - root_depth].emplace_back(chain[i], chain[i - 1]);
    }
  }
  std::map<std::int64_t, std::int64_t> children_added;         // node id → new children
  std::vector<std::pair<std::int64_t, std::int64_t>> created;  // node id, org id
  for (const auto& level : missing) {
    std::vector<NewNode> rows;
    rows.reserve(level.size());
    for (const auto& [org_id, parent_org] : level) {
      rows.push_back({nodes.at(parent_org), org_id, pending.at(org_id) ? weight : 1});
    }
    const std::map<std::int64_t, std::int64_t> made = repository_.InsertAssignments(sql, task_id, rows, deadline, now);
    for (const NewNode& row : rows) {
      const std::int64_t node = made.at(row.org_id);
      nodes[row.org_id] = node;
      ++children_added[row.parent_id];
      created.emplace_back(node, row.org_id);
    }
  }
  std::vector<std::int64_t> target_nodes;
  for (const OrgNode& target : targets) target_nodes.push_back(nodes.at(target.id));
  if (created.empty()) throw AppError(ErrorKind::kConflict, "task.already_assigned");
  for (const auto& [node, count] : children_added) repository_.AddChildren(sql, node, count);

  const std::string assigned_by = "由" + root_org.name + "下达";
  std::vector<std::int64_t> created_nodes;
  for (const auto& [node, org_id] : created) created_nodes.push_back(node);
  repository_.InsertAssignedEvents(session, created_nodes, root_org.id, actor.user_id, assigned_by, now);
  std::vector<notification::NewNotification> notices;
  notices.reserve(created.size());
  for (const auto& [node, org_id] : created) {
    notices.push_back({org_id, "assigned", "新任务：" + title, root_org.name + "下达，截止 " + deadline, NodeLink(node)});
  }
  notification_service_.NotifyAll(session, notices);
  return target_nodes;
}

void TaskService::RollUp(soci::session& sql, std::int64_t node_id) const {
  std::optional<std::int64_t> current = node_id;
  const std::int64_t now = clock_.NowSeconds();
  while (current) {
    const auto found = repository_.FindAssignment(sql, *current);
    if (!found || found->child_count == 0) return;
    const Assignment& node = *found;
    const int progress = repository_.ChildrenProgress(sql, node.id);
    if (progress == kFullProgress) {
      repository_.SetProgress(sql, node.id, progress, "done", node.completed_at.value_or(now),
                              node.completed_on.value_or(core::ChinaDate(now)));
    } else {
      repository_.SetProgress(sql, node.id, progress, node.state == "done" ? "open" : node.state, std::nullopt,
                              std::nullopt);
    }
    current = node.parent_id;
  }
}

Task TaskService::Issue(const core::Actor& actor, const NewTask& task) const {
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  Task created = IssueIn(session, actor, task);
  transaction.Commit();
  return created;
}

Task TaskService::IssueIn(db::Session& session, const core::Actor& actor, const NewTask& task) const {
  core::RequirePermission(actor, "task:assign");
  RequireText(task.title, kMaxTitle, "task.invalid_title");
  RequireText(task.content, kMaxContent, "task.invalid_content");
  if (!core::IsIsoDate(task.deadline) || task.deadline < Today()) {
    throw AppError(ErrorKind::kInvalidArgument, "task.invalid_deadline");
  }
  if (task.weight < 1 || task.weight > 100) throw AppError(ErrorKind::kInvalidArgument, "task.invalid_weight");
  soci::session& sql = session.sql();
  if (task.duty_item_id && !repository_.DutyItemExists(sql, *task.duty_item_id)) {
    throw AppError(ErrorKind::kInvalidArgument, "task.invalid_duty_item");
  }
  const auto from = repository_.FindOrg(sql, actor.org_id);
  if (!from) throw AppError(ErrorKind::kNotFound, "org.not_found");
  const std::vector<OrgNode> targets = ResolveTargets(sql, core::OrgScope::Of(actor), *from, task.targets);
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t task_id = repository_.InsertTask(sql, from->id, task, actor.user_id, now);
  const std::int64_t root = repository_.InsertRoot(sql, task_id, from->id, task.deadline, task.weight, now);
  Cascade(session, actor, task_id, task.title, root, *from, targets, task.deadline, 1);
  repository_.InsertEvent(sql, root, "decomposed", from->id, actor.user_id, std::nullopt,
                          "下达至 " + std::to_string(targets.size()) + " 个组织", now);
  audit_service_.Record(sql, actor,
                        {"task.create", "task", task_id, "ok", std::to_string(targets.size()) + " targets"});
  Task created = *repository_.FindTask(sql, task_id, Today());
  created.my_assignment_id = root;
  return created;
}

std::optional<Task> TaskService::FindTask(soci::session& sql, const core::Actor& actor, std::int64_t task_id) const {
  auto task = repository_.FindTask(sql, task_id, Today());
  if (task) task->my_assignment_id = repository_.NodeOfOrg(sql, task_id, actor.org_id);
  return task;
}

Page<Task> TaskService::ListIssued(const core::Actor& actor, std::int64_t offset, std::int64_t limit) const {
  core::RequirePermission(actor, "task:read");
  db::Session session(database_);
  Page<Task> page = repository_.ListIssued(session.sql(), actor.org_id, Today(), offset, limit);
  for (Task& task : page.items) task.my_assignment_id = task.root_assignment_id;
  return page;
}

Task TaskService::GetTask(const core::Actor& actor, std::int64_t task_id) const {
  core::RequirePermission(actor, "task:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  auto task = repository_.FindTask(sql, task_id, Today());
  if (!task || !repository_.TaskVisibleIn(sql, task_id, core::OrgScope::Of(actor))) {
    throw AppError(ErrorKind::kNotFound, "task.not_found");
  }
  task->my_assignment_id = repository_.NodeOfOrg(sql, task_id, actor.org_id);
  task->origin = repository_.FindOrigin(sql, task_id);
  return std::move(*task);
}

Page<Assignment> TaskService::ListAssignments(const core::Actor& actor, const AssignmentFilter& filter) const {
  core::RequirePermission(actor, "task:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  const core::OrgScope own = core::OrgScope::Of(actor);
  core::OrgScope scope = own;
  std::int64_t org_id = actor.org_id;
  if (filter.org_id) {
    const OrgNode org = core::RequireInScope(own, repository_.FindOrg(sql, *filter.org_id),
                                             [](const OrgNode& node) { return node.path; }, "org.not_found");
    scope = *own.Narrow(org.path);
    org_id = org.id;
  }
  const std::int64_t as_of = filter.as_of.value_or(clock_.NowSeconds());
  if (filter.state && !IsAssignmentStateFilter(*filter.state)) {
    throw AppError(ErrorKind::kInvalidArgument, "task.invalid_state");
  }
  return filter.subtree ? repository_.ListAssignmentsInScope(sql, scope, filter, as_of)
                        : repository_.ListAssignmentsOfOrg(sql, org_id, filter, as_of);
}

void TaskService::LoadAttachments(soci::session& sql, std::vector<Report>& reports) const {
  std::vector<std::int64_t> ids;
  for (const Report& report : reports) ids.push_back(report.id);
  for (attachment::Attachment& file : attachment_store_.ListOfReports(sql, ids)) {
    for (Report& report : reports) {
      if (file.report_id == report.id) report.attachments.push_back(file);
    }
  }
}

AssignmentDetail TaskService::GetAssignment(const core::Actor& actor, std::int64_t assignment_id) const {
  core::RequirePermission(actor, "task:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  AssignmentDetail detail;
  detail.assignment = FindInScope(sql, actor, assignment_id);
  const Assignment& node = detail.assignment;
  detail.content = repository_.TaskContent(sql, node.task_id);
  detail.origin = repository_.FindOrigin(sql, node.task_id);
  std::optional<Assignment> parent;
  if (node.parent_id) {
    parent = repository_.FindAssignment(sql, *node.parent_id);
    detail.parent = ParentSummary{parent->id, parent->org, parent->progress};
  }
  detail.reports = repository_.ListReports(sql, node.id);
  LoadAttachments(sql, detail.reports);
  detail.events = repository_.ListEvents(sql, node.id);
  const bool own = node.org.id == actor.org_id;
  const bool pending = node.state == "reported";
  detail.can_report = own && actor.Can("task:report") && node.parent_id && node.child_count == 0 &&
                      node.state != "done" && !pending;
  detail.can_decompose = own && actor.Can("task:assign") && node.parent_id && node.state != "done" && !pending &&
                         !repository_.ChildOrgs(sql, node.org.id).empty();
  detail.can_review = pending && parent && parent->org.id == actor.org_id && actor.Can("task:review");
  return detail;
}

std::vector<Assignment> TaskService::Children(const core::Actor& actor, std::int64_t assignment_id) const {
  core::RequirePermission(actor, "task:read");
  db::Session session(database_);
  const Assignment node = FindInScope(session.sql(), actor, assignment_id);
  return repository_.Children(session.sql(), node.id);
}

std::vector<Assignment> TaskService::Decompose(const core::Actor& actor, std::int64_t assignment_id,
                                               const Decomposition& decomposition) const {
  core::RequirePermission(actor, "task:assign");
  if (decomposition.weight < 1 || decomposition.weight > 100) {
    throw AppError(ErrorKind::kInvalidArgument, "task.invalid_weight");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Assignment node = FindInScope(sql, actor, assignment_id);
  if (node.org.id != actor.org_id) throw AppError(ErrorKind::kPermissionDenied, "task.not_assignee");
  if (!node.parent_id) throw AppError(ErrorKind::kConflict, "task.root_not_decomposable");
  if (node.state == "done") throw AppError(ErrorKind::kConflict, "task.already_done");
  if (node.state == "reported") throw AppError(ErrorKind::kConflict, "task.report_pending");
  const std::string deadline = decomposition.deadline.value_or(node.deadline);
  if (!core::IsIsoDate(deadline)) throw AppError(ErrorKind::kInvalidArgument, "task.invalid_deadline");
  if (deadline > node.deadline) throw AppError(ErrorKind::kInvalidArgument, "task.deadline_after_parent");
  const auto from = repository_.FindOrg(sql, node.org.id);
  const std::vector<OrgNode> targets = ResolveTargets(sql, core::OrgScope::Of(actor), *from, decomposition.targets);
  const std::vector<std::int64_t> made = Cascade(session, actor, node.task_id, node.task_title, node.id, *from,
                                                 targets, deadline, decomposition.weight);
  RollUp(sql, node.id);
  repository_.InsertEvent(sql, node.id, "decomposed", from->id, actor.user_id, std::nullopt,
                          "分解至 " + std::to_string(targets.size()) + " 个组织，截止 " + deadline,
                          clock_.NowSeconds());
  audit_service_.Record(sql, actor,
                        {"task.decompose", "task_assignment", node.id, "ok", std::to_string(made.size()) + " targets"});
  std::vector<Assignment> children;
  for (const std::int64_t id : made) children.push_back(*repository_.FindAssignment(sql, id));
  transaction.Commit();
  return children;
}

attachment::Attachment TaskService::Upload(const core::Actor& actor, std::int64_t assignment_id,
                                           const std::string& file_name, std::string_view content) const {
  core::RequirePermission(actor, "task:report");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Assignment node = FindInScope(sql, actor, assignment_id);
  if (node.org.id != actor.org_id) throw AppError(ErrorKind::kPermissionDenied, "task.not_assignee");
  if (node.state == "done") throw AppError(ErrorKind::kConflict, "task.already_done");
  auto saved = attachment_store_.Save(sql, actor, {node.org.id, node.id, std::nullopt}, file_name, content);
  audit_service_.Record(sql, actor,
                        {"attachment.upload", "attachment", saved.attachment.id, "ok", saved.attachment.content_type});
  transaction.Commit();
  saved.file.Keep();
  return saved.attachment;
}

Report TaskService::SubmitReport(const core::Actor& actor, std::int64_t assignment_id, const NewReport& report) const {
  core::RequirePermission(actor, "task:report");
  if (report.percent < 0 || report.percent > 100) throw AppError(ErrorKind::kInvalidArgument, "task.invalid_percent");
  RequireText(report.text, kMaxText, "task.invalid_text");
  if (report.attachment_ids.size() > kMaxAttachments) {
    throw AppError(ErrorKind::kInvalidArgument, "attachment.too_many");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Assignment node = FindInScope(sql, actor, assignment_id);
  if (node.org.id != actor.org_id) throw AppError(ErrorKind::kPermissionDenied, "task.not_assignee");
  if (!node.parent_id) throw AppError(ErrorKind::kConflict, "task.not_reportable");
  if (node.child_count > 0) throw AppError(ErrorKind::kConflict, "task.not_a_leaf");
  if (node.state == "done") throw AppError(ErrorKind::kConflict, "task.already_done");
  if (node.state == "reported") throw AppError(ErrorKind::kConflict, "task.report_pending");
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t report_id = repository_.InsertReport(sql, node.id, report, actor.user_id, now);
  attachment_store_.LinkToReport(sql, report.attachment_ids, node.id, report_id);
  repository_.SetState(sql, node.id, "reported");
  repository_.InsertEvent(sql, node.id, "reported", node.org.id, actor.user_id, report_id,
                          "上报进展 " + std::to_string(report.percent) + "%", now);
  const Assignment parent = *repository_.FindAssignment(sql, *node.parent_id);
  notification_service_.Notify(sql, {parent.org.id, "reported", "待审核：" + node.task_title,
                                     node.org.name + "上报进展 " + std::to_string(report.percent) + "%",
                                     NodeLink(node.id)});
  audit_service_.Record(sql, actor, {"task.report", "progress_report", report_id});
  std::vector<Report> saved{*repository_.FindReport(sql, report_id)};
  LoadAttachments(sql, saved);
  transaction.Commit();
  return saved.front();
}

Page<PendingReview> TaskService::ListPendingReviews(const core::Actor& actor, std::int64_t offset,
                                                    std::int64_t limit) const {
  core::RequirePermission(actor, "task:review");
  db::Session session(database_);
  Page<PendingReview> page = repository_.ListPendingReviews(session.sql(), actor.org_id, offset, limit);
  std::vector<Report> reports;
  for (const PendingReview& item : page.items) reports.push_back(item.report);
  LoadAttachments(session.sql(), reports);
  for (std::size_t i = 0; i < reports.size(); ++i) page.items[i].report = std::move(reports[i]);
  return page;
}

TaskService::ReviewTarget TaskService::PendingReportToReview(soci::session& sql, const core::Actor& actor,
                                                           std::int64_t report_id) const {
  auto report = repository_.FindReport(sql, report_id);
  auto node = core::RequireInScope(core::OrgScope::Of(actor),
                                   report ? repository_.FindAssignment(sql, report->assignment_id) : std::nullopt,
                                   [](const Assignment& assignment) { return assignment.org_path; },
                                   "task.report_not_found");
  Assignment parent = *repository_.FindAssignment(sql, *node.parent_id);
  if (parent.org.id != actor.org_id) throw AppError(ErrorKind::kPermissionDenied, "task.not_reviewer");
  if (report->state != "pending") throw AppError(ErrorKind::kConflict, "task.report_not_pending");
  return {std::move(*report), std::move(node), std::move(parent)};
}

Report TaskService::Accept(const core::Actor& actor, std::int64_t report_id) const {
  core::RequirePermission(actor, "task:review");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto [report, node, parent] = PendingReportToReview(sql, actor, report_id);
  const std::int64_t now = clock_.NowSeconds();
  repository_.ReviewReport(sql, report.id, "accepted", actor.user_id, now, std::nullopt);
  const int progress = report.percent * 100;
  if (progress == kFullProgress) {
    repository_.SetProgress(sql, node.id, progress, "done", now, core::ChinaDate(now));
  } else {
    repository_.SetProgress(sql, node.id, progress, "open", std::nullopt, std::nullopt);
  }
  repository_.InsertEvent(sql, node.id, "accepted", actor.org_id, actor.user_id, report.id,
                          "审核通过，进展 " + std::to_string(report.percent) + "%", now);
  RollUp(sql, parent.id);
  notification_service_.Notify(sql, {node.org.id, "accepted", "进展已通过：" + node.task_title,
                                     parent.org.name + "通过了进展 " + std::to_string(report.percent) + "%",
                                     NodeLink(node.id)});
  audit_service_.Record(sql, actor, {"task.accept", "progress_report", report.id});
  std::vector<Report> saved{*repository_.FindReport(sql, report.id)};
  LoadAttachments(sql, saved);
  transaction.Commit();
  return saved.front();
}

Report TaskService::Return(const core::Actor& actor, std::int64_t report_id, const std::string& reason) const {
  core::RequirePermission(actor, "task:review");
  RequireText(reason, kMaxReason, "task.reason_required");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto [report, node, parent] = PendingReportToReview(sql, actor, report_id);
  const std::int64_t now = clock_.NowSeconds();
  repository_.ReviewReport(sql, report.id, "returned", actor.user_id, now, reason);
  repository_.SetState(sql, node.id, "returned");
  repository_.InsertEvent(sql, node.id, "returned", actor.org_id, actor.user_id, report.id, "退回：" + reason, now);
  notification_service_.Notify(
      sql, {node.org.id, "returned", "进展被退回：" + node.task_title, parent.org.name + "退回：" + reason,
            NodeLink(node.id)});
  audit_service_.Record(sql, actor, {"task.return", "progress_report", report.id});
  std::vector<Report> saved{*repository_.FindReport(sql, report.id)};
  LoadAttachments(sql, saved);
  transaction.Commit();
  return saved.front();
}

SweepResult TaskService::Sweep() const {
  SweepResult result;
  const std::string today = Today();
  for (const bool escalation : {false, true}) {
    while (true) {
      db::Session session(database_);
      soci::session& sql = session.sql();
      db::Transaction transaction(session, db::Transaction::Mode::kWrite);
      // Another server of the same database is sweeping: it tells everybody; this one waits for
      // its next round.
      if (!repository_.TakeSweepTurn(session)) return result;
      const std::int64_t days = setting_service_.Integer(sql, setting::kTaskEscalationDays);
      const std::string before = escalation ? core::AddDays(today, 1 - days) : today;
      const std::vector<Assignment> due = repository_.DueForOverdueNotice(sql, before, escalation, kSweepBatch);
      if (due.empty()) break;
      const std::int64_t now = clock_.NowSeconds();
      std::int64_t told = 0;
      for (const Assignment& node : due) {
        if (!repository_.MarkNotified(sql, node.id, escalation, now)) continue;
        ++told;
        const std::string late = "逾期 " + std::to_string(OverdueDays(node, today)) + " 天";
        if (escalation) {
          const Assignment parent = *repository_.FindAssignment(sql, *node.parent_id);
          repository_.InsertEvent(sql, node.id, "escalated", parent.org.id, std::nullopt, std::nullopt,
                                  late + "，已报告" + parent.org.name, now);
          notification_service_.Notify(sql, {parent.org.id, "escalated", "下级任务" + late + "：" + node.task_title,
                                             node.org.name + "截止 " + node.deadline + "，尚未完成",
                                             NodeLink(node.id)});
        } else {
          repository_.InsertEvent(sql, node.id, "overdue", node.org.id, std::nullopt, std::nullopt,
                                  "截止 " + node.deadline + "，已逾期", now);
          notification_service_.Notify(sql, {node.org.id, "overdue", "任务已逾期：" + node.task_title,
                                             "截止 " + node.deadline + "，请尽快完成并上报", NodeLink(node.id)});
        }
      }
      audit_service_.RecordAnonymous(sql,
                                     {escalation ? "task.escalate" : "task.overdue_notice", "task_assignment",
                                      std::nullopt, "ok", std::to_string(told) + " nodes"},
                                     "", "");
      transaction.Commit();
      (escalation ? result.escalated : result.overdue) += told;
      if (static_cast<std::int64_t>(due.size()) < kSweepBatch) break;
    }
  }
  return result;
}

}  // namespace liandong::task
