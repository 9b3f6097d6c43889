// The organisation tree's records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liandong::org {

struct Org {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string path;   // "/1/2/5/"
  std::string level;  // city, district, street, community, grid, …
  int depth = 0;
  std::string kind;  // committee, working_committee, general_branch, branch, joint_branch, group
  std::string name;
  std::string secretary;
  std::string contact;
  std::string address;
  std::optional<std::string> founded_on;  // YYYY-MM-DD
  std::string sector;                     // an industry committee's sector
  bool archived = false;
  std::int64_t child_count = 0;  // live children; filled where listed
};

// An org with its ancestors, root first and the org itself last.
struct OrgWithAncestors {
  Org org;
  std::vector<Org> lineage;
};

struct LevelCount {
  std::string level;
  std::int64_t count = 0;
};

// Descendants of an org (itself excluded) per level, from the top level down.
struct OrgStats {
  std::int64_t org_id = 0;
  std::int64_t total = 0;
  std::vector<LevelCount> by_level;
};

// Roll-ups (table org_rollup): counts kept per org for its whole subtree, changed in the same
// transaction as the rows they count, so that statistics at city scope read a few rows.
// Live descendants (the org itself excluded) by level, at their depth below the org.
inline constexpr std::string_view kRollupOrgLevel = "org_level";
// Live units of the org and its descendants by coverage (kept by the unit feature).
inline constexpr std::string_view kRollupUnitCoverage = "unit_coverage";
// Live Party members of the org and its descendants, item "live" (kept by the member feature).
inline constexpr std::string_view kRollupMember = "member";

struct RollupCount {
  std::string item;
  std::int64_t total = 0;
};

// A count of one item at one org itself (its subtree not included): what a feature that keeps a
// roll-up hands OrgService::RebuildRollup, which sums each org's subtree from these.
struct OrgItemCount {
  std::int64_t org_id = 0;
  std::string item;
  std::int64_t count = 0;
};

// A live child of an org with its roll-up counts for one measure.
struct ChildRollup {
  std::int64_t org_id = 0;
  std::string name;
  std::string level;
  std::vector<RollupCount> counts;
};

struct NewOrg {
  std::optional<std::int64_t> parent_id;
  std::string level;
  std::string kind;
  std::string name;
  std::string secretary;
  std::string contact;
  std::string address;
  std::optional<std::string> founded_on;
  std::string sector;
};

// The fields a PATCH may change; unset ones stay as they are.
struct OrgChanges {
  std::optional<std::string> level;
  std::optional<std::string> kind;
  std::optional<std::string> name;
  std::optional<std::string> secretary;
  std::optional<std::string> contact;
  std::optional<std::string> address;
  std::optional<std::optional<std::string>> founded_on;
  std::optional<std::string> sector;
};

// A search hit with the names on its path, for telling two 和平社区 apart.
struct OrgSearchHit {
  Org org;
  std::vector<Org> lineage;
};

// The kinds of Party organisation (glossary: 党委 党工委 党总支 党支部 联合党支部 党小组).
bool IsKnownKind(const std::string& kind);
// Levels are data (any city may add its own): a lower-case word of letters and underscores.
bool IsValidLevel(const std::string& level);

}  // namespace liandong::org
