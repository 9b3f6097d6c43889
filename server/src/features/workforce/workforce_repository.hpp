// SQL for the community workforce.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/org_scope.hpp"
#include "db/database.hpp"
#include "features/workforce/workforce_model.hpp"

namespace liandong::workforce {

// A worker as a regrading run reads it.
struct RegradingRow {
  std::int64_t worker_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  RegradingFacts facts;
};

// A proposal as a run stores it.
struct ProposalRow {
  std::int64_t worker_id = 0;
  std::optional<std::int64_t> street_id;
  std::optional<std::int64_t> scheme_id;
  std::string change;
  int from_grade = 0;
  int to_grade = 0;
  std::string from_grade_since;
  int from_early_steps_used = 0;
  std::string explanation;
};

// A worker's line of a pay roster.
struct RosterRow {
  std::int64_t worker_id = 0;
  std::string name;
  std::string id_number_masked;
  std::string post;
  int grade = 0;
  std::string org_name;
  std::string org_path;
};

class WorkforceRepository {
 public:
  // Schemes.
  std::int64_t InsertScheme(soci::session& sql, std::int64_t org_id, const SchemeDefinition& definition,
                            std::int64_t now) const;
  void ReplaceScheme(soci::session& sql, std::int64_t id, const SchemeDefinition& definition, std::int64_t now) const;
  std::optional<Scheme> FindScheme(soci::session& sql, std::int64_t id) const;
  // Every scheme version of every jurisdiction (few: one or two per district).
  std::vector<Scheme> LoadSchemes(soci::session& sql) const;

  // Workers.
  std::int64_t InsertWorker(soci::session& sql, const WorkerRecord& record, std::int64_t now) const;
  void UpdateWorker(soci::session& sql, std::int64_t id, const WorkerRecord& record, std::int64_t now) const;
  std::optional<Worker> FindWorker(soci::session& sql, std::int64_t id) const;
  std::optional<WorkerRecord> FindRecord(soci::session& sql, std::int64_t id) const;
  std::optional<std::int64_t> FindIdByIdNumberIndex(soci::session& sql, const std::string& index) const;
  std::pair<std::vector<Worker>, std::int64_t> ListWorkers(soci::session& sql, const core::OrgScope& scope,
                                                           const WorkerFilter& filter) const;
  void InsertEvent(soci::session& sql, std::int64_t worker_id, const WorkerEvent& event, std::int64_t user_id,
                   std::int64_t now) const;
  std::vector<WorkerEvent> ListEvents(soci::session& sql, std::int64_t worker_id) const;
  bool HasAppraisal(soci::session& sql, std::int64_t worker_id, int year) const;
  void InsertAppraisal(soci::session& sql, std::int64_t worker_id, const Appraisal& appraisal, std::int64_t user_id,
                       std::int64_t now) const;
  std::vector<Appraisal> ListAppraisals(soci::session& sql, std::int64_t worker_id) const;
  std::vector<RosterRow> ListRoster(soci::session& sql, const core::OrgScope& scope) const;
  // Live members: their org path, for the link to a Party member.
  std::optional<std::pair<std::string, std::string>> FindMember(soci::session& sql, std::int64_t member_id) const;

  // Every worker's id and encrypted ID number and phone (key rotation), and their update.
  std::vector<std::tuple<std::int64_t, std::string, std::string>> ListSealedIdentifiers(soci::session& sql) const;
  void UpdateSealedIdentifiers(soci::session& sql, std::int64_t id, const std::string& id_cipher,
                               const std::string& id_index, const std::string& phone_cipher,
                               const std::string& phone_index) const;
  // Orgs of level street: id → (name, path).
  std::map<std::int64_t, std::pair<std::string, std::string>> LoadStreets(soci::session& sql) const;

  // Regrading runs.
  std::int64_t InsertRun(soci::session& sql, std::int64_t org_id, int year, std::int64_t user_id,
                         std::int64_t now) const;
  std::optional<RegradingRun> FindRun(soci::session& sql, std::int64_t id) const;
  // The runs of the scope's subtree and of its ancestors, newest year first.
  std::vector<RegradingRun> ListRuns(soci::session& sql, const core::OrgScope& scope) const;
  // A run of `year`, not reverted, whose jurisdiction contains or lies within `path`.
  std::optional<RegradingRun> FindOverlappingRun(soci::session& sql, int year, const std::string& path,
                                                 bool approved_later) const;
  // The in-post workers of the subtree and their appraisals since `first_year`.
  std::vector<RegradingRow> LoadRegradingRows(soci::session& sql, const core::OrgScope& scope, int first_year) const;
  std::vector<ProposalRow> LoadProposals(soci::session& sql, std::int64_t run_id) const;
  void ReplaceProposals(db::Session& session, std::int64_t run_id, const std::vector<ProposalRow>& proposals) const;
  void MarkComputed(soci::session& sql, std::int64_t run_id, std::int64_t user_id, std::int64_t now) const;
  // One page of the proposals of workers in `scope`, filtered by change ("" for all). `street_id`,
  // the street at or above the scope when there is one, lets the index find the street's part.
  std::pair<std::vector<Proposal>, std::int64_t> ListProposals(soci::session& sql, std::int64_t run_id,
                                                               const core::OrgScope& scope,
                                                               std::optional<std::int64_t> street_id,
                                                               const std::string& change, int page,
                                                               int page_size) const;
  std::map<std::string, int> CountProposals(soci::session& sql, std::int64_t run_id, const core::OrgScope& scope,
                                            std::optional<std::int64_t> street_id) const;
  // Each street of the run: its proposals, changes and review.
  std::vector<StreetReview> ListStreets(soci::session& sql, std::int64_t run_id) const;
  void ReviewStreet(soci::session& sql, std::int64_t run_id, std::int64_t street_id, std::int64_t user_id,
                    std::int64_t now) const;
  void ClearReviews(soci::session& sql, std::int64_t run_id) const;
  // Applies the run's changes to the workers, with a timeline event each; marks it approved.
  void ApproveRun(soci::session& sql, std::int64_t run_id, int year, std::int64_t user_id, std::int64_t now) const;
  // Restores every changed worker as the run found it, with a timeline event each; marks it reverted.
  void RevertRun(soci::session& sql, std::int64_t run_id, int year, const std::string& reason, std::int64_t user_id,
                 std::int64_t now) const;
};

}  // namespace liandong::workforce
