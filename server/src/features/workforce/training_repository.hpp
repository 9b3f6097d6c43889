// SQL for qualifications, training, guarantees, staffing norms, quotas and owners.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "core/page.hpp"
#include "features/workforce/training_model.hpp"

namespace liandong::workforce {

// An in-post worker as the hours and staffing lists read one.
struct InPostWorker {
  std::int64_t id = 0;
  std::string name;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string org_path;
  std::string post;
  int grade = 0;
};

// A community of a scope.
struct CommunityRow {
  std::int64_t id = 0;
  std::string name;
  std::string path;
};

class TrainingRepository {
 public:
  std::vector<Owner> ListOwners(soci::session& sql) const;

  // Qualifications.
  std::vector<Qualification> ListQualifications(soci::session& sql) const;
  std::optional<Qualification> FindQualification(soci::session& sql, std::int64_t id) const;
  std::optional<std::int64_t> FindQualificationByName(soci::session& sql, const std::string& name) const;
  std::int64_t InsertQualification(soci::session& sql, const Qualification& qualification, std::int64_t now) const;
  void UpdateQualification(soci::session& sql, const Qualification& qualification, std::int64_t now) const;
  bool HasWorkerQualification(soci::session& sql, std::int64_t worker_id, std::int64_t qualification_id,
                              const std::string& issued_on) const;
  std::int64_t InsertWorkerQualification(soci::session& sql, std::int64_t worker_id, std::int64_t qualification_id,
                                         const std::string& issued_on, const std::optional<std::string>& expires_on,
                                         std::int64_t user_id, std::int64_t now) const;
  std::vector<WorkerQualification> ListWorkerQualifications(soci::session& sql, std::int64_t worker_id) const;
  // A page of the qualifications of in-post workers of the scope expiring in [from, to], soonest
  // first, and their count; the street is left for the caller. Each carries the worker's org path
  // in street.name.
  core::Page<WorkerQualification> ListExpiring(soci::session& sql, const core::OrgScope& scope, const std::string& from,
                                               const std::string& to, const core::PageRequest& page) const;
  // The highest allowance of the valid qualifications on `day`, per worker of the scope.
  std::map<std::int64_t, std::int64_t> QualificationAllowances(soci::session& sql, const core::OrgScope& scope,
                                                               const std::string& day) const;
  std::int64_t QualificationAllowance(soci::session& sql, std::int64_t worker_id, const std::string& day) const;

  // Courses: every course (few: tens per district).
  std::vector<Course> LoadCourses(soci::session& sql) const;
  std::optional<Course> FindCourse(soci::session& sql, std::int64_t id) const;
  std::int64_t InsertCourse(soci::session& sql, std::int64_t org_id, const std::string& name, int hours,
                            std::int64_t now) const;
  void UpdateCourse(soci::session& sql, std::int64_t id, const std::string& name, int hours, std::int64_t now) const;

  // Requirements: every set (few).
  std::vector<RequirementSet> LoadRequirements(soci::session& sql) const;
  void ReplaceRequirements(soci::session& sql, std::int64_t org_id, int year,
                           const std::vector<TrainingRequirement>& items) const;

  // Completion records.
  bool HasRecord(soci::session& sql, std::int64_t worker_id, std::int64_t course_id,
                 const std::string& completed_on) const;
  std::int64_t InsertRecord(soci::session& sql, std::int64_t worker_id, std::int64_t course_id,
                            const std::string& completed_on, int hours, std::int64_t user_id, std::int64_t now) const;
  // One page of the records of the scope in a year (optionally of one worker), newest first.
  std::pair<std::vector<TrainingRecord>, std::int64_t> ListRecords(soci::session& sql, const core::OrgScope& scope,
                                                                   int year, std::optional<std::int64_t> worker_id,
                                                                   int page, int page_size) const;
  // Hours completed in a year per worker of the scope.
  std::map<std::int64_t, int> HoursByWorker(soci::session& sql, const core::OrgScope& scope, int year) const;
  int HoursOfWorker(soci::session& sql, std::int64_t worker_id, int year) const;
  std::vector<InPostWorker> ListInPost(soci::session& sql, const core::OrgScope& scope) const;

  // Guarantees, norms, quotas.
  void SaveGuarantee(soci::session& sql, const Guarantee& guarantee, bool funds, std::int64_t now) const;
  std::optional<Guarantee> FindGuarantee(soci::session& sql, std::int64_t org_id, int year) const;
  std::map<std::int64_t, Guarantee> LoadGuarantees(soci::session& sql, const core::OrgScope& scope, int year) const;
  std::vector<CommunityRow> ListCommunities(soci::session& sql, const core::OrgScope& scope) const;
  std::map<std::int64_t, int> InPostCounts(soci::session& sql, const core::OrgScope& scope) const;
  std::vector<StaffingNorm> LoadNorms(soci::session& sql) const;
  std::int64_t InsertNorm(soci::session& sql, const StaffingNorm& norm, std::int64_t now) const;
  void ReplaceNorm(soci::session& sql, const StaffingNorm& norm, std::int64_t now) const;
  void SaveQuota(soci::session& sql, const EstablishmentQuota& quota, std::int64_t now) const;
  std::vector<EstablishmentQuota> ListQuotas(soci::session& sql, const core::OrgScope& scope, int year) const;
};

}  // namespace liandong::workforce
