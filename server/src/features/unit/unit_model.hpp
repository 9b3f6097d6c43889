// Resident units and two-new organisations (驻区单位, 两新组织), and how they are covered by Party
// organisations (两个覆盖).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace liandong::unit {

// government_agency, public_institution, state_enterprise, private_enterprise, social_organisation, other.
bool IsUnitKind(std::string_view kind);

// How a unit is covered, from the strongest: its own Party org, a joint branch, an instructor only
// (work coverage), nothing. Units not eligible to set up an org are outside the statistics.
enum class Coverage { kOwnOrg, kJointBranch, kWorkOnly, kUncovered, kNotEligible };

std::string_view ToString(Coverage coverage);
// "own_org" → kOwnOrg, …; nullopt for anything else.
std::optional<Coverage> ParseCoverage(std::string_view text);

// The level of the orgs that belong to units (a unit's own branch, a joint branch of several
// units), so that the tree counts them apart from communities and grids.
inline constexpr std::string_view kUnitOrgLevel = "unit";

// What a unit record holds, as created, updated and imported.
struct UnitFields {
  std::string name;
  std::string credit_code;  // 统一社会信用代码, normalised (see unit_credit_code.hpp)
  std::string unit_kind;
  std::string industry;
  std::int64_t staff_count = 0;
  std::string legal_representative;
  std::int64_t org_id = 0;  // the street or community it is located in
  bool eligible_for_org = false;
  std::optional<std::int64_t> own_org_id;
  std::optional<std::int64_t> joint_branch_org_id;
  std::string instructor;
  bool key_enterprise = false;

  bool operator==(const UnitFields&) const = default;
};

// A change to some fields of a unit (PATCH): each present member replaces the stored value;
// the nullable links use an inner nullopt for "clear it".
struct UnitPatch {
  std::optional<std::string> name;
  std::optional<std::string> credit_code;
  std::optional<std::string> unit_kind;
  std::optional<std::string> industry;
  std::optional<std::int64_t> staff_count;
  std::optional<std::string> legal_representative;
  std::optional<std::int64_t> org_id;
  std::optional<bool> eligible_for_org;
  std::optional<std::optional<std::int64_t>> own_org_id;
  std::optional<std::optional<std::int64_t>> joint_branch_org_id;
  std::optional<std::string> instructor;
  std::optional<bool> key_enterprise;
};

// `fields` with the patch applied.
UnitFields ApplyPatch(UnitFields fields, const UnitPatch& patch);

struct OrgRef {
  std::int64_t id = 0;
  std::string name;
};

struct Unit {
  std::int64_t id = 0;
  UnitFields fields;
  OrgRef org;            // where it is located (fields.org_id)
  std::string org_path;  // that org's path: the unit belongs to its subtree
  std::optional<OrgRef> own_org;
  std::optional<OrgRef> joint_branch_org;
  Coverage coverage = Coverage::kNotEligible;
  bool archived = false;
};

// A page of the unit list. The scope is an org's subtree; empty filters match everything.
struct UnitQuery {
  std::string text;  // a name search
  std::optional<std::string> unit_kind;
  std::optional<bool> eligible_for_org;
  std::optional<Coverage> coverage;
  int page = 1;
  int page_size = 20;
};

struct UnitPage {
  std::vector<Unit> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 20;
};

// One field of one input that cannot be accepted: the field's name, the error code and its kind.
struct FieldError {
  std::string field;
  core::ErrorKind kind = core::ErrorKind::kInvalidArgument;
  std::string code;
};

// A row of an import: its 1-based position, and either its fields or why they could not be read.
struct ImportRow {
  int row = 0;
  UnitFields fields;
  std::vector<FieldError> errors;
};

struct ImportError {
  int row = 0;
  FieldError error;
};

struct ImportResult {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  std::vector<ImportError> errors;
};

// Coverage counts of the units in one scope.
struct CoverageCounts {
  std::int64_t eligible = 0;
  std::int64_t own_org = 0;
  std::int64_t joint_branch = 0;
  std::int64_t work_only = 0;
  std::int64_t uncovered = 0;

  // Adds `count` units of `coverage` (not-eligible units are not counted).
  void Add(Coverage coverage, std::int64_t count);
  // (own org + joint branch) / eligible; 0 when none is eligible.
  double OrganisationCoverageRate() const;
  // (own org + joint branch + instructor only) / eligible; 0 when none is eligible.
  double WorkCoverageRate() const;
};

// How the unit with these fields is covered (the rule kCoverageOfUnit states in SQL).
Coverage CoverageOf(const UnitFields& fields);

struct ChildCoverage {
  std::int64_t org_id = 0;
  std::string name;
  std::string level;
  CoverageCounts counts;
};

// The coverage of an org's subtree, and of each of its direct children's subtrees.
struct OrgCoverage {
  std::int64_t org_id = 0;
  CoverageCounts counts;
  std::vector<ChildCoverage> by_child;
};

}  // namespace liandong::unit
