// Duty lists (责任清单): items an org writes for a year, binding the orgs of one level in its
// subtree, each with the kind of responsibility that level bears and the department that owns it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liandong::duty {

struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string level;
};

struct Department {
  std::int64_t id = 0;
  std::string name;
};

// What an item holds, as written and changed.
struct DutyItemFields {
  std::int64_t year = 0;
  std::string level;                // the level it binds: street, community, …
  std::string responsibility_kind;  // principal, first, direct, executing
  std::string description;
  std::int64_t department_id = 0;
  std::int64_t sort_order = 0;

  bool operator==(const DutyItemFields&) const = default;
};

// A new item: the kind may be left to the level's default.
struct NewDutyItem {
  std::int64_t year = 0;
  std::string level;
  std::optional<std::string> responsibility_kind;
  std::string description;
  std::int64_t department_id = 0;
  std::int64_t sort_order = 0;
};

// A change to some fields of an item.
struct DutyItemPatch {
  std::optional<std::int64_t> year;
  std::optional<std::string> level;
  std::optional<std::string> responsibility_kind;
  std::optional<std::string> description;
  std::optional<std::int64_t> department_id;
  std::optional<std::int64_t> sort_order;
};

DutyItemFields ApplyPatch(DutyItemFields fields, const DutyItemPatch& patch);

struct DutyItem {
  std::int64_t id = 0;
  OrgRef org;  // the org that wrote it
  std::string org_path;
  DutyItemFields fields;
  Department department;
};

// GET /duty-items: the list as `org_id` (default the actor's org) sees it.
struct DutyFilter {
  std::optional<std::int64_t> org_id;
  std::optional<std::int64_t> year;
  std::optional<std::string> level;
};

struct YearCopy {
  std::int64_t from_year = 0;
  std::int64_t to_year = 0;
};

// principal, first, direct or executing.
bool IsResponsibilityKind(const std::string& kind);
// The kind a level bears by default (glossary): city principal, district first, street direct,
// community executing; nullopt for other levels, which must name theirs.
std::optional<std::string> DefaultKindOfLevel(const std::string& level);

}  // namespace liandong::duty
