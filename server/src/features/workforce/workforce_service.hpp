// Rules for the community workforce: scheme versions per jurisdiction (the nearest ancestor's
// version covering a year applies), workers with encrypted identifiers and a timeline, one
// appraisal per worker-year, and yearly regrading runs (compute, street review, approval, revert),
// each in one transaction. workforce:read to see, workforce:write for workers and a street's
// review, workforce:appraise for appraisals, workforce:manage for schemes and runs.
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
#include "features/workforce/workforce_model.hpp"
#include "features/workforce/training_repository.hpp"
#include "features/workforce/workforce_repository.hpp"

namespace liandong::workforce {

// What a run computed: for the admin command and the bench.
struct RunSummary {
  std::int64_t run_id = 0;
  std::int64_t workers = 0;
  std::map<std::string, int> counts;
};

class WorkforceService {
 public:
  WorkforceService(db::Database& database, const core::Clock& clock, const core::FieldCipher& cipher,
                   const db::AuditWriter& audit, const org::OrgService& orgs)
      : database_(database), clock_(clock), cipher_(cipher), audit_(audit), orgs_(orgs) {}

  // Schemes: those of the subtree and of its ancestors.
  std::vector<Scheme> ListSchemes(const core::Actor& actor, std::optional<std::int64_t> org_id) const;
  Scheme GetScheme(const core::Actor& actor, std::int64_t id) const;
  Scheme CreateScheme(const core::Actor& actor, std::int64_t org_id, const SchemeDefinition& definition) const;
  Scheme UpdateScheme(const core::Actor& actor, std::int64_t id, const SchemeDefinition& definition) const;

  WorkerPage ListWorkers(const core::Actor& actor, const WorkerFilter& filter) const;
  // With its timeline, appraisals and this year's pay.
  Worker GetWorker(const core::Actor& actor, std::int64_t id) const;
  Worker CreateWorker(const core::Actor& actor, const WorkerInput& input) const;
  Worker UpdateWorker(const core::Actor& actor, std::int64_t id, const WorkerChanges& changes) const;
  // Valid rows are kept, each bad row reported; the ID number is the key (a known one is updated).
  ImportResult ImportWorkers(const core::Actor& actor, const std::vector<WorkerInput>& rows,
                             const std::vector<ImportError>& parse_errors) const;

  Worker AddAppraisal(const core::Actor& actor, std::int64_t worker_id, const Appraisal& appraisal) const;
  ImportResult ImportAppraisals(const core::Actor& actor, const std::vector<AppraisalInput>& rows,
                                const std::vector<ImportError>& parse_errors) const;

  std::vector<RegradingRun> ListRuns(const core::Actor& actor, std::optional<std::int64_t> org_id) const;
  RegradingRun GetRun(const core::Actor& actor, std::int64_t id) const;
  // Computes (or, until approved, recomputes) the run of the jurisdiction and year.
  RegradingRun ComputeRun(const core::Actor& actor, std::int64_t org_id, int year) const;
  core::Page<Proposal> ListProposals(const core::Actor& actor, std::int64_t run_id, const std::string& change,
                                     const core::PageRequest& page) const;
  RegradingRun ReviewRun(const core::Actor& actor, std::int64_t run_id, std::optional<std::int64_t> street_id) const;
  RegradingRun ApproveRun(const core::Actor& actor, std::int64_t run_id) const;
  RegradingRun RevertRun(const core::Actor& actor, std::int64_t run_id, const std::string& reason) const;

  // The pay roster of the subtree for a year (default: this year), as .xlsx.
  std::string ExportPayRoster(const core::Actor& actor, std::optional<std::int64_t> org_id,
                              std::optional<int> year) const;

  // Without an actor, for the demo city, the generators and the admin command: computes the run of
  // every org of `level` for `year` (one transaction each). Returns one summary per run.
  std::vector<RunSummary> ComputeRunsOfLevel(const std::string& level, int year) const;
  // Inside the caller's transaction, without checks: the demo city.
  std::int64_t SeedScheme(soci::session& sql, std::int64_t org_id, const SchemeDefinition& definition) const;
  std::int64_t SeedWorker(soci::session& sql, const WorkerInput& input, std::int64_t grade) const;
  void SeedAppraisal(soci::session& sql, std::int64_t worker_id, const Appraisal& appraisal) const;
  // Key rotation (liandong keys rotate), in the caller's write transaction: re-encrypts every
  // worker's identifiers from `from` to `to` with their blind indexes. Returns how many workers.
  std::int64_t ResealIdentifiers(soci::session& sql, const core::FieldCipher& from, const core::FieldCipher& to) const;
  // Computes the run of the org for `year`, every street reviewing it, and (kYes) approves it.
  enum class Approve { kNo, kYes };
  std::int64_t SeedRun(db::Session& session, std::int64_t org_id, int year, Approve approve) const;

 private:
  int CurrentYear() const;
  std::string Today() const;
  void ValidateDefinition(const SchemeDefinition& definition) const;
  void CheckOverlap(soci::session& sql, std::int64_t org_id, const SchemeDefinition& definition,
                    std::int64_t except_id) const;
  // The record of a valid input (throws with the field's code), with its grade checked.
  WorkerRecord BuildRecord(soci::session& sql, const core::Actor* actor, const WorkerInput& input) const;
  Worker FindWorkerInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  // A run the actor may see: of its subtree or of an ancestor.
  RegradingRun FindRunVisible(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  // The run with the actor's part of its counts and streets.
  RegradingRun Describe(soci::session& sql, const core::OrgScope& scope, RegradingRun run) const;
  RunSummary Compute(db::Session& session, std::int64_t org_id, const std::string& org_path, int year,
                     std::int64_t user_id, std::optional<std::int64_t> run_id) const;
  void AddAppraisalIn(soci::session& sql, const core::Actor& actor, std::int64_t worker_id,
                      const Appraisal& appraisal) const;

  db::Database& database_;
  const core::Clock& clock_;
  const core::FieldCipher& cipher_;
  const db::AuditWriter& audit_;
  const org::OrgService& orgs_;
  WorkforceRepository repository_;
  TrainingRepository training_;  // qualification allowances and training hours of a worker
};

// The version that applies to an org at `path` in `year`: the nearest jurisdiction on the path
// (the org itself first) with a version covering the year; null when none.
const Scheme* ResolveScheme(const std::vector<Scheme>& schemes, const std::string& path, int year);

}  // namespace liandong::workforce
