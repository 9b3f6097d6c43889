// SQL of whistles, their responses and steps, the whistle settings, street populations and power
// acts. Scope checks are the services'; these functions read and write what they are told. The
// agencies and the streets they serve are the request feature's tables (agency, agency_street),
// read here and never written.
#pragma once

#include <cstdint>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "db/bulk_insert.hpp"
#include "features/whistle/whistle_model.hpp"

namespace liandong::whistle {

// A list query made by a service: `scope` bounds every row (the street's path, or a summoned or
// targeted agency's); the rest narrows.
struct WhistleQuery {
  core::OrgScope scope;
  std::optional<std::string> state;
  std::optional<std::int64_t> agency_id;
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

struct PowerActQuery {
  core::OrgScope scope;
  bool include_personnel = false;
  std::optional<std::string> power;
  std::optional<std::int64_t> agency_id;
  std::optional<std::string> state;
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

// Whistles and power acts loaded in bulk with ids the caller chose (demo --scale), in the caller's
// open transaction. Nothing is checked.
class WhistleBulkLoad {
 public:
  explicit WhistleBulkLoad(db::Session& session);
  void AddWhistle(const Whistle& whistle, std::optional<std::int64_t> user_id);
  void AddResponse(std::int64_t whistle_id, const Response& response);
  void AddStep(std::int64_t whistle_id, std::string_view kind, std::int64_t org_id, std::optional<std::int64_t> user_id,
               std::optional<std::int64_t> target_org_id, std::string_view text, std::int64_t at);
  void AddPowerAct(const PowerAct& act, std::int64_t response_due_at, std::optional<std::int64_t> user_id);
  void AddPowerActStep(std::int64_t act_id, std::string_view kind, std::int64_t org_id, std::string_view text,
                       std::int64_t at);
  void AddPopulation(std::int64_t street_id, const std::string& counted_on, std::int64_t residents);
  // Sends what is buffered and moves PostgreSQL's id sequences past the loaded ids.
  void Finish();

 private:
  db::Session& session_;
  db::BulkInserter whistles_;
  db::BulkInserter responses_;
  db::BulkInserter steps_;
  db::BulkInserter acts_;
  db::BulkInserter act_steps_;
  db::BulkInserter populations_;
};

class WhistleRepository {
 public:
  std::vector<WhistleType> ListTypes(soci::session& sql) const;
  std::optional<WhistleType> FindType(soci::session& sql, const std::string& code) const;
  void UpdateTypeMinutes(soci::session& sql, const std::string& code, std::int64_t minutes) const;
  RateBand ReadBand(soci::session& sql) const;
  void UpdateBand(soci::session& sql, const RateBand& band, std::int64_t now) const;
  void SavePopulation(soci::session& sql, std::int64_t street_id, const std::string& counted_on,
                      std::int64_t residents) const;

  // True when the live agency serves the street.
  bool ServesStreet(soci::session& sql, std::int64_t agency_id, std::int64_t street_id) const;
  // The live agencies serving the street, with their kind's name in `level`.
  std::vector<OrgRef> ListAgenciesServing(soci::session& sql, std::int64_t street_id) const;

  std::int64_t InsertWhistle(soci::session& sql, const Whistle& whistle, std::int64_t user_id, std::int64_t now) const;
  void InsertResponse(soci::session& sql, std::int64_t whistle_id, std::int64_t agency_id) const;
  // Writes the mutable columns of the whistle; `signed_off_by` when this change signs it off.
  void SaveWhistle(soci::session& sql, const Whistle& whistle, std::optional<std::int64_t> signed_off_by,
                   std::int64_t now) const;
  void SaveResponse(soci::session& sql, const Response& response, std::optional<std::int64_t> rated_by) const;
  std::optional<Whistle> FindWhistle(soci::session& sql, std::int64_t id) const;
  WhistlePage ListWhistles(soci::session& sql, const WhistleQuery& query) const;
  void InsertStep(soci::session& sql, std::int64_t whistle_id, const std::string& kind, std::int64_t org_id,
                  std::optional<std::int64_t> user_id, std::optional<std::int64_t> target_org_id,
                  const std::string& text, std::int64_t at) const;
  std::vector<WhistleStep> ListSteps(soci::session& sql, std::int64_t whistle_id) const;
  // The live streets in the scope with their whistles blown in `month` and their residents as of
  // `day` (the latest count on or before it).
  std::vector<StreetRate> CountByStreet(soci::session& sql, const core::OrgScope& scope, const std::string& month,
                                        const std::string& day) const;

  std::int64_t InsertAct(soci::session& sql, const PowerAct& act, std::int64_t response_due_at, std::int64_t user_id,
                         std::int64_t now) const;
  void SaveAct(soci::session& sql, const PowerAct& act, std::int64_t now) const;
  std::optional<PowerAct> FindAct(soci::session& sql, std::int64_t id) const;
  PowerActPage ListActs(soci::session& sql, const PowerActQuery& query) const;
  void InsertActStep(soci::session& sql, std::int64_t act_id, const std::string& kind, std::int64_t org_id,
                     std::optional<std::int64_t> user_id, const std::string& text, std::int64_t at) const;
  std::vector<PowerActStep> ListActSteps(soci::session& sql, std::int64_t act_id) const;
  // Per agency, the acts of streets in the scope as they stood at `at`.
  std::vector<AgencyActCount> CountActsByAgency(soci::session& sql, const core::OrgScope& scope,
                                                bool include_personnel, std::int64_t at) const;
};

}  // namespace liandong::whistle
