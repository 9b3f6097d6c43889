// Rules of whistles (吹哨报到). whistle:blow lets a street blow a whistle summoning agencies that
// serve it, close it once every part is complete and rate each agency; whistle:sign lets the
// street's principal leader sign it off (before dispatch; an emergency after); whistle:respond
// lets a summoned agency record its arrival, its handling and its completion; whistle:read reads
// the whistles of streets in the actor's subtree and those its agency was summoned to, and the
// whistle rates; whistle:configure sets the arrival times and the rate band. Every change is
// audited and notified in its transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/notification/notification_service.hpp"
#include "features/org/org_service.hpp"
#include "features/whistle/whistle_model.hpp"
#include "features/whistle/whistle_repository.hpp"

namespace liandong::whistle {

class WhistleService {
 public:
  WhistleService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit,
                 const org::OrgService& org_service, const notification::NotificationService& notification_service)
      : database_(database),
        clock_(clock),
        audit_(audit),
        org_service_(org_service),
        notification_service_(notification_service) {}

  WhistleSettings GetSettings(const core::Actor& actor) const;
  WhistleSettings UpdateSettings(const core::Actor& actor, const WhistleSettings& settings) const;
  // Records a street's resident count on a day (org:write on the street).
  void SetResidents(const core::Actor& actor, std::int64_t street_id, std::int64_t residents,
                    const std::string& counted_on) const;
  // The agencies serving a street of the actor's subtree.
  std::vector<OrgRef> ListAgencies(const core::Actor& actor, std::int64_t street_id) const;

  Whistle Blow(const core::Actor& actor, const NewWhistle& input) const;
  WhistlePage List(const core::Actor& actor, const WhistleFilter& filter) const;
  WhistleDetail Get(const core::Actor& actor, std::int64_t id) const;
  Whistle SignOff(const core::Actor& actor, std::int64_t id, const std::string& text) const;
  Whistle Arrive(const core::Actor& actor, std::int64_t id, const std::string& text) const;
  Whistle Handle(const core::Actor& actor, std::int64_t id, const std::string& text) const;
  Whistle Complete(const core::Actor& actor, std::int64_t id, const std::string& text) const;
  Whistle Close(const core::Actor& actor, std::int64_t id, const std::string& text) const;
  Whistle Rate(const core::Actor& actor, std::int64_t id, std::int64_t agency_id, std::int64_t score,
               const std::string& comment) const;

  // Whistles per 10,000 residents of each street in `month` (YYYY-MM): the org itself when a
  // street, else the streets under it.
  WhistleRates GetRates(const core::Actor& actor, std::optional<std::int64_t> org_id, const std::string& month) const;

  std::unique_ptr<WhistleBulkLoad> StartBulkLoad(db::Session& session) const {
    return std::make_unique<WhistleBulkLoad>(session);
  }
  // Records a street's residents inside the caller's transaction, without checks: for seeding.
  void SeedResidents(soci::session& sql, std::int64_t street_id, const std::string& counted_on,
                     std::int64_t residents) const {
    repository_.SavePopulation(sql, street_id, counted_on, residents);
  }
  // The band a rate falls in.
  static std::string BandOf(const RateBand& band, std::optional<double> per_10k);

 private:
  // The whistle when the actor may read it; whistle.not_found otherwise.
  Whistle FindVisible(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  // The whistle for a step of its street's own staff (whistle.not_street).
  Whistle FindForStreet(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  // One step in a write transaction: `change` records it and returns the whistle changed; then
  // the audit entry is written and the whistle read back.
  using Change = std::function<void(soci::session&, Whistle& whistle, std::int64_t now)>;
  Whistle Write(const core::Actor& actor, const std::string& action, std::int64_t id, bool as_street,
                const Change& change) const;
  // The actor's agency's part of the whistle (whistle.not_summoned), once it is dispatched.
  Response& OwnResponse(const core::Actor& actor, Whistle& whistle) const;
  // Summons the agencies: arrival deadlines from `now` and a notice to each.
  void Dispatch(soci::session& sql, const core::Actor& actor, Whistle& whistle, std::int64_t now) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_;
  const org::OrgService& org_service_;
  const notification::NotificationService& notification_service_;
  WhistleRepository repository_;
};

}  // namespace liandong::whistle
