// Rules for qualifications and layered training: the qualification catalogue (city-wide, with the
// allowance each brings), workers' qualifications with issue and expiry dates and the expiring
// ones, courses of a jurisdiction, required hours per post and grade band per year, completion
// records (one at a time or imported, never for a future day) and each worker's hours against the
// requirement. workforce:read to see; workforce:qualify for qualifications, workforce:train for
// training (the owners' permissions, see workforce_owner).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "core/page.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/org/org_service.hpp"
#include "features/workforce/training_model.hpp"
#include "features/workforce/training_repository.hpp"
#include "features/workforce/workforce_repository.hpp"

namespace liandong::workforce {

struct QualificationInput {
  std::int64_t qualification_id = 0;
  std::string issued_on;
  std::optional<std::string> expires_on;
};

struct RecordPage {
  std::vector<TrainingRecord> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 20;
};

class TrainingService {
 public:
  TrainingService(db::Database& database, const core::Clock& clock, const core::FieldCipher& cipher,
                  const db::AuditWriter& audit, const org::OrgService& orgs)
      : database_(database), clock_(clock), cipher_(cipher), audit_(audit), orgs_(orgs) {}

  std::vector<Owner> ListOwners(const core::Actor& actor) const;

  std::vector<Qualification> ListQualifications(const core::Actor& actor) const;
  // The catalogue is the city's: only an actor at the city level writes it.
  Qualification CreateQualification(const core::Actor& actor, const Qualification& input) const;
  Qualification UpdateQualification(const core::Actor& actor, std::int64_t id, const Qualification& input) const;
  WorkerQualification AddWorkerQualification(const core::Actor& actor, std::int64_t worker_id,
                                             const QualificationInput& input) const;
  // In-post workers' qualifications of the scope expiring from today to `within_days` ahead.
  core::Page<WorkerQualification> ListExpiring(const core::Actor& actor, std::optional<std::int64_t> org_id,
                                               int within_days, const core::PageRequest& page) const;

  // The courses of the scope's subtree and of its ancestors.
  std::vector<Course> ListCourses(const core::Actor& actor, std::optional<std::int64_t> org_id) const;
  Course CreateCourse(const core::Actor& actor, std::int64_t org_id, const std::string& name, int hours) const;
  Course UpdateCourse(const core::Actor& actor, std::int64_t id, const std::string& name, int hours) const;

  // The requirement sets of the scope's subtree and ancestors for a year.
  std::vector<RequirementSet> ListRequirements(const core::Actor& actor, std::optional<std::int64_t> org_id,
                                               int year) const;
  RequirementSet SetRequirements(const core::Actor& actor, std::int64_t org_id, int year,
                                 const std::vector<TrainingRequirement>& items) const;

  TrainingRecord AddRecord(const core::Actor& actor, const TrainingRecordInput& input) const;
  ImportResult ImportRecords(const core::Actor& actor, const std::vector<TrainingRecordInput>& rows,
                             const std::vector<ImportError>& parse_errors) const;
  RecordPage ListRecords(const core::Actor& actor, std::optional<std::int64_t> org_id, int year,
                         std::optional<std::int64_t> worker_id, const core::PageRequest& page) const;
  // Each in-post worker's hours in the year against the requirement; shortfall_only keeps those short.
  HoursPage ListHours(const core::Actor& actor, const HoursFilter& filter) const;

  // Without checks, inside the caller's transaction: the demo city and the generators.
  std::int64_t SeedCourse(soci::session& sql, std::int64_t org_id, const std::string& name, int hours) const;
  void SeedRequirements(soci::session& sql, std::int64_t org_id, int year,
                        const std::vector<TrainingRequirement>& items) const;
  void SeedRecord(soci::session& sql, std::int64_t worker_id, std::int64_t course_id, const std::string& completed_on,
                  int hours) const;
  void SeedWorkerQualification(soci::session& sql, std::int64_t worker_id, std::int64_t qualification_id,
                               const std::string& issued_on, const std::optional<std::string>& expires_on) const;

 private:
  int CurrentYear() const;
  std::string Today() const;
  // Adds a record inside the caller's transaction after every check (throws with its code).
  TrainingRecord AddRecordIn(soci::session& sql, const core::Actor& actor, const TrainingRecordInput& input,
                             const std::vector<Course>& courses) const;

  db::Database& database_;
  const core::Clock& clock_;
  const core::FieldCipher& cipher_;
  const db::AuditWriter& audit_;
  const org::OrgService& orgs_;
  TrainingRepository repository_;
  WorkforceRepository workers_;
};

// The hours a year requires of a worker at `path` with `post` and `grade`: the nearest jurisdiction
// on the path with requirements for the year decides; 0 when none applies.
int RequiredHours(const std::vector<RequirementSet>& sets, const std::string& path, int year, const std::string& post,
                  int grade);

// The street on an org path (its id and name) from the streets' table, or an empty reference.
Reference StreetOnPath(const std::map<std::int64_t, std::pair<std::string, std::string>>& streets,
                       const std::string& path);

}  // namespace liandong::workforce
