#include "features/unit/unit_model.hpp"

#include <array>

namespace liandong::unit {
namespace {

constexpr std::array<std::string_view, 6> kUnitKinds = {
    "government_agency", "public_institution", "state_enterprise", "private_enterprise", "social_organisation", "other",
};

constexpr std::array<std::pair<Coverage, std::string_view>, 5> kCoverageNames = {{
    {Coverage::kOwnOrg, "own_org"},
    {Coverage::kJointBranch, "joint_branch"},
    {Coverage::kWorkOnly, "work_only"},
    {Coverage::kUncovered, "uncovered"},
    {Coverage::kNotEligible, "not_eligible"},
}};

}  // namespace

bool IsUnitKind(std::string_view kind) {
  for (std::string_view known : kUnitKinds) {
    if (known == kind) return true;
  }
  return false;
}

std::string_view ToString(Coverage coverage) {
  for (const auto& [value, name] : kCoverageNames) {
    if (value == coverage) return name;
  }
  return "not_eligible";
}

std::optional<Coverage> ParseCoverage(std::string_view text) {
  for (const auto& [value, name] : kCoverageNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

Coverage CoverageOf(const UnitFields& fields) {
  if (!fields.eligible_for_org) return Coverage::kNotEligible;
  if (fields.own_org_id) return Coverage::kOwnOrg;
  if (fields.joint_branch_org_id) return Coverage::kJointBranch;
  if (!fields.instructor.empty()) return Coverage::kWorkOnly;
  return Coverage::kUncovered;
}

UnitFields ApplyPatch(UnitFields fields, const UnitPatch& patch) {
  if (patch.name) fields.name = *patch.name;
  if (patch.credit_code) fields.credit_code = *patch.credit_code;
  if (patch.unit_kind) fields.unit_kind = *patch.unit_kind;
  if (patch.industry) fields.industry = *patch.industry;
  if (patch.staff_count) fields.staff_count = *patch.staff_count;
  if (patch.legal_representative) fields.legal_representative = *patch.legal_representative;
  if (patch.org_id) fields.org_id = *patch.org_id;
  if (patch.eligible_for_org) fields.eligible_for_org = *patch.eligible_for_org;
  if (patch.own_org_id) fields.own_org_id = *patch.own_org_id;
  if (patch.joint_branch_org_id) fields.joint_branch_org_id = *patch.joint_branch_org_id;
  if (patch.instructor) fields.instructor = *patch.instructor;
  if (patch.key_enterprise) fields.key_enterprise = *patch.key_enterprise;
  return fields;
}

void CoverageCounts::Add(Coverage coverage, std::int64_t count) {
  switch (coverage) {
    case Coverage::kOwnOrg:
      own_org += count;
      break;
    case Coverage::kJointBranch:
      joint_branch += count;
      break;
    case Coverage::kWorkOnly:
      work_only += count;
      break;
    case Coverage::kUncovered:
      uncovered += count;
      break;
    case Coverage::kNotEligible:
      return;
  }
  eligible += count;
}

double CoverageCounts::OrganisationCoverageRate() const {
  return eligible == 0 ? 0.0 : static_cast<double>(own_org + joint_branch) / static_cast<double>(eligible);
}

double CoverageCounts::WorkCoverageRate() const {
  return eligible == 0 ? 0.0 : static_cast<double>(own_org + joint_branch + work_only) / static_cast<double>(eligible);
}

}  // namespace liandong::unit
