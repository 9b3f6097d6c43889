// Supervision (督促检查 / 督办): an org asks an org below it to rectify something about a task node
// or a duty item. The target answers with a rectification (整改) and evidence files; the issuer
// verifies it or returns it with a reason, and may follow up on results (跟踪问效) at any time.
// state: open (awaiting rectification) → answered (awaiting verification) → closed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/attachment/attachment_store.hpp"

namespace liandong::supervision {

struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string level;
};

struct UserRef {
  std::int64_t id = 0;
  std::string display_name;
};

struct AssignmentRef {
  std::int64_t id = 0;
  std::string task_title;
};

struct DutyItemRef {
  std::int64_t id = 0;
  std::string description;
};

struct Supervision {
  std::int64_t id = 0;
  OrgRef issuer;
  OrgRef target;
  std::string target_path;
  std::optional<AssignmentRef> assignment;
  std::optional<DutyItemRef> duty_item;
  std::string title;
  std::string requirement;
  std::string deadline;  // YYYY-MM-DD, China time
  std::string state;     // open, answered, closed
  std::int64_t created_at = 0;
  std::optional<std::int64_t> closed_at;
  bool overdue = false;  // not closed and past the deadline, as of the time asked about
};

// One step of a supervision's history: issued, rectification, verified, returned, follow_up.
struct Event {
  std::int64_t id = 0;
  std::string kind;
  OrgRef org;
  std::optional<UserRef> user;
  std::string text;
  std::int64_t at = 0;
  std::vector<attachment::Attachment> attachments;
};

struct SupervisionDetail {
  Supervision supervision;
  std::vector<Event> events;
  bool can_rectify = false;  // the actor's org is the target and may answer now
  bool can_verify = false;   // the actor's org issued it and an answer awaits verification
};

struct NewSupervision {
  std::int64_t target_org_id = 0;
  std::optional<std::int64_t> assignment_id;
  std::optional<std::int64_t> duty_item_id;
  std::string title;
  std::string requirement;
  std::string deadline;
};

struct Rectification {
  std::string text;
  std::vector<std::int64_t> attachment_ids;
};

// issued: by the org; received: targeting the org; all: targeting the org's subtree.
enum class View { kIssued, kReceived, kAll };

struct SupervisionFilter {
  View view = View::kAll;
  std::optional<std::int64_t> org_id;  // default the actor's org
  // open, answered (the current state); closed, unclosed, overdue (as of `as_of`)
  std::optional<std::string> state;
  std::optional<std::int64_t> as_of;  // UTC seconds; default now. Only what existed then is listed.
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

struct SupervisionPage {
  std::vector<Supervision> items;
  std::int64_t total = 0;
};

}  // namespace liandong::supervision
