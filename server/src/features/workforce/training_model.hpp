// The community workforce's second part: qualifications and their allowances, layered training,
// grassroots guarantees with staffing norms and establishment quotas, and the department owning
// each part. Money is in fen, space in m², hours whole.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/workforce/workforce_model.hpp"

namespace liandong::workforce {

// A part of the workforce, the department owning it and the permission writing it needs.
struct Owner {
  std::string part;        // grades_pay, appraisals, qualifications, training, staffing_norms, funds, …
  std::string department;  // hr, finance, civil_affairs, organisation
  std::string permission;
};

struct Qualification {
  std::int64_t id = 0;
  std::string name;
  std::int64_t allowance = 0;  // monthly, fen
  int sort_order = 0;
};

struct WorkerQualification {
  std::int64_t id = 0;
  Reference worker;
  Reference org;  // the worker's community
  Reference street;
  Qualification qualification;
  std::string issued_on;
  std::optional<std::string> expires_on;
};

struct Course {
  std::int64_t id = 0;
  Reference org;  // the jurisdiction offering it
  std::string org_level;
  std::string org_path;
  std::string name;
  int hours = 0;
};

// Required hours a year for a post kind in a band of grades.
struct TrainingRequirement {
  std::string post;
  int min_grade = 1;
  int max_grade = 1;
  int hours = 0;
};

// The requirements a jurisdiction set for a year.
struct RequirementSet {
  Reference org;
  int year = 0;
  std::vector<TrainingRequirement> items;
};

struct TrainingRecord {
  std::int64_t id = 0;
  Reference worker;
  Reference org;
  Reference course;
  std::string completed_on;
  int hours = 0;
};

// A row of an import of completion records: the worker by ID number, the course by name.
struct TrainingRecordInput {
  std::string id_number;
  std::optional<std::int64_t> worker_id;
  std::optional<std::int64_t> course_id;
  std::string course_name;
  std::string completed_on;
  std::optional<int> hours;  // the course's hours when absent
};

// A worker's hours in a year against what applies to the worker's post and grade.
struct TrainingHours {
  Reference worker;
  Reference org;
  Reference street;
  std::string post;
  int grade = 0;
  int required = 0;
  int completed = 0;
  int shortfall() const { return required > completed ? required - completed : 0; }
};

struct HoursFilter {
  std::optional<std::int64_t> org_id;
  int year = 0;
  bool shortfall_only = false;
  int page = 1;
  int page_size = 20;
};

struct HoursPage {
  std::vector<TrainingHours> items;
  std::int64_t total = 0;
  std::int64_t workers = 0;  // in post in the scope
  std::int64_t short_workers = 0;
  int page = 1;
  int page_size = 20;
};

struct Guarantee {
  std::int64_t org_id = 0;
  int year = 0;
  int households = 0;
  int population = 0;
  int office_space = 0;
  int service_space = 0;
  std::int64_t operating_funds = 0;
  std::int64_t service_funds = 0;
};

struct NormBand {
  int from_households = 0;
  int headcount = 0;
};

struct StaffingNorm {
  std::int64_t id = 0;
  Reference org;
  std::string org_path;
  std::string name;
  int effective_from_year = 0;
  std::vector<NormBand> bands;  // ascending, the first from 0
  int step_from = 5000;
  int step_households = 500;
  int max_headcount = 17;

  // The headcount the norm requires for a community of `households`.
  int Required(int households) const;
};

// The shipped norm: <2,000 → 3, 2,000–3,000 → 4, 3,000–4,000 → 5, 4,000–5,000 → 6, one more per 500
// above, at most 17.
StaffingNorm ShippedStaffingNorm();

struct EstablishmentQuota {
  Reference org;  // the street
  int year = 0;
  std::string kind;  // public_institution, community_post, other
  int allotted = 0;
  int used = 0;
};

// One community's line of the staffing page, or the sum of a street's communities.
struct StaffingLine {
  Reference org;
  Reference street;
  int communities = 0;
  bool has_guarantee = false;
  Guarantee guarantee;
  int required = 0;
  int in_post = 0;
  int shortfall = 0;
  int excess = 0;
};

struct StaffingReport {
  Reference org;
  std::string org_level;
  int year = 0;
  std::optional<StaffingNorm> norm;   // the norm of the scope's root (communities may differ)
  std::vector<StaffingLine> streets;  // per street of the scope
  std::vector<StaffingLine> communities;  // when the scope is a street or a community
  StaffingLine total;
  std::vector<EstablishmentQuota> quotas;
};

}  // namespace liandong::workforce
