// Accountability records (问责): an org holds an org below it to account for a failed task node,
// supervision or duty item. Readable only with accountability:read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liandong::accountability {

struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string level;
};

// A linked object: a task node (its task's title), a supervision (its title) or a duty item (its
// description).
struct LinkRef {
  std::int64_t id = 0;
  std::string label;
};

struct Accountability {
  std::int64_t id = 0;
  OrgRef org;     // the deciding org
  OrgRef target;  // the org held to account
  std::optional<LinkRef> assignment;
  std::optional<LinkRef> supervision;
  std::optional<LinkRef> duty_item;
  std::string measure;  // 通报批评, 诫勉谈话, …
  std::string subject;  // who is held to account
  std::string reason;
  std::string decided_on;  // YYYY-MM-DD
  std::int64_t created_at = 0;
};

struct NewAccountability {
  std::int64_t target_org_id = 0;
  std::optional<std::int64_t> assignment_id;
  std::optional<std::int64_t> supervision_id;
  std::optional<std::int64_t> duty_item_id;
  std::string measure;
  std::string subject;
  std::string reason;
  std::string decided_on;
};

struct AccountabilityFilter {
  std::optional<std::int64_t> org_id;  // records targeting its subtree; default the actor's org
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

struct AccountabilityPage {
  std::vector<Accountability> items;
  std::int64_t total = 0;
};

}  // namespace liandong::accountability
