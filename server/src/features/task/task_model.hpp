// Tasks that cascade level by level (一级抓一级、层层传导压力). A task is issued by an org; its
// assignments form a tree that follows the org tree, from the issuer's root node down to the orgs
// it reaches, with a node for every org in between so that each level sees its roll-up and reviews
// the level below. A leaf's progress is its last accepted report; a parent's is the weighted mean
// of its children's, kept current in the transaction of every change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/attachment/attachment_store.hpp"

namespace liandong::task {

constexpr int kFullProgress = 10000;  // basis points

// Whom a task or a decomposition reaches, inside the subtree of the org that sends it.
struct Targets {
  std::string mode;                  // children, level, list
  std::optional<std::string> level;  // mode level: every live org of this level in the subtree
  std::vector<std::int64_t> org_ids;  // mode list
};

struct NewTask {
  std::string title;
  std::string content;
  std::string deadline;  // YYYY-MM-DD
  int weight = 1;        // 1..100
  std::optional<std::int64_t> duty_item_id;
  Targets targets;
};

struct Decomposition {
  Targets targets;
  std::optional<std::string> deadline;  // default: the node's own
  int weight = 1;
};

struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string level;
};

struct UserRef {
  std::int64_t id = 0;
  std::string display_name;
};

// Where a task came from, when another feature issued it: a joint meeting's resolution.
struct TaskOrigin {
  std::string kind;  // joint_meeting
  std::int64_t meeting_id = 0;
  std::string meeting_title;
  std::int64_t resolution_id = 0;
  int resolution_position = 0;
};

struct Task {
  std::int64_t id = 0;
  std::string title;
  std::string content;
  std::string deadline;
  int weight = 1;
  std::optional<std::int64_t> duty_item_id;
  std::string duty_item_description;
  OrgRef issuer;
  std::int64_t created_at = 0;
  std::int64_t root_assignment_id = 0;
  int progress = 0;  // the root's
  // The orgs that carry the task out (nodes below the root that were not decomposed further),
  // counted once each as bulletins count them; how many of them are done, and overdue today.
  std::int64_t executing_count = 0;
  std::int64_t done_count = 0;
  std::int64_t overdue_count = 0;
  std::optional<std::int64_t> my_assignment_id;  // the actor's org's node, if it has one
  std::optional<TaskOrigin> origin;              // filled where one task is shown
};

struct Assignment {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  std::string task_title;
  OrgRef issuer;
  std::optional<std::int64_t> parent_id;
  OrgRef org;
  std::string org_path;
  std::string deadline;
  int weight = 1;
  int progress = 0;
  std::string state;  // open, reported, returned, done
  std::int64_t child_count = 0;
  std::optional<std::int64_t> completed_at;
  std::optional<std::string> completed_on;
  std::int64_t created_at = 0;
};

struct Report {
  std::int64_t id = 0;
  std::int64_t assignment_id = 0;
  int percent = 0;
  std::string text;
  std::string state;  // pending, accepted, returned
  UserRef reported_by;
  std::int64_t reported_at = 0;
  std::optional<std::int64_t> reviewed_at;
  std::optional<std::string> review_reason;
  std::vector<attachment::Attachment> attachments;
};

struct Event {
  std::int64_t id = 0;
  std::string kind;  // assigned, decomposed, reported, accepted, returned, overdue, escalated
  OrgRef org;
  std::optional<UserRef> user;
  std::string text;
  std::int64_t at = 0;
};

struct ParentSummary {
  std::int64_t id = 0;
  OrgRef org;
  int progress = 0;
};

struct AssignmentDetail {
  Assignment assignment;
  std::string content;
  std::optional<TaskOrigin> origin;
  std::optional<ParentSummary> parent;
  std::vector<Report> reports;
  std::vector<Event> events;
  bool can_report = false;
  bool can_decompose = false;
  bool can_review = false;
};

struct NewReport {
  int percent = 0;
  std::string text;
  std::vector<std::int64_t> attachment_ids;
};

struct AssignmentFilter {
  std::optional<std::int64_t> org_id;  // default: the actor's org
  bool subtree = false;
  std::optional<std::string> state;  // open, reported, returned, done, on_time, overdue, undone, to_report
  std::optional<std::int64_t> task_id;
  std::optional<std::string> deadline_from;
  std::optional<std::string> deadline_to;
  // Only the nodes that carry the task out (no children at as_of), as bulletins count them.
  bool executing = false;
  std::optional<std::int64_t> as_of;  // UTC seconds; default now
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

struct PendingReview {
  Report report;
  Assignment assignment;
};

// Whether a node is past its deadline and not done, on `today` (China date), and by how many days.
int OverdueDays(const Assignment& assignment, const std::string& today);

}  // namespace liandong::task
