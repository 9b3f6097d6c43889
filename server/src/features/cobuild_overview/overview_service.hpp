// Rules for the co-building overview: cobuild:read; the org asked about (default the actor's own)
// must lie in the actor's subtree. A city or district sees a row per street of its subtree, a
// street its own row, a community its own row; every figure is the total of the list it drills
// down to (agreements, needs, the 报到 roster, the service hours), as of today.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/org_scope.hpp"
#include "db/database.hpp"
#include "features/cobuild_overview/overview_model.hpp"
#include "features/cobuild_overview/overview_repository.hpp"
#include "features/org/org_service.hpp"

namespace liandong::cobuild_overview {

class OverviewService {
 public:
  OverviewService(db::Database& database, const core::Clock& clock, const org::OrgService& org_service)
      : database_(database), clock_(clock), org_service_(org_service) {}

  Overview Get(const core::Actor& actor, std::optional<std::int64_t> org_id) const;

 private:
  // The agreements' figures of every street of one tree, as of one day and one version of table
  // agreement (table_version, bumped by triggers in the writes' transactions): counting the city's
  // ~10,000 agreements takes ~30 ms, reading the version well under one.
  struct StreetAgreements {
    std::string root_path;
    std::string day;
    std::int64_t version = 0;
    std::map<std::int64_t, Figures> figures;
  };
  // The figures for `day`, from memory while the version in the database is the one they were
  // counted at. The version is read before the count, so figures of a newer write kept under an
  // older version are only ever recounted, never served stale.
  std::shared_ptr<const StreetAgreements> AgreementsOfStreets(soci::session& sql, const core::OrgScope& scope,
                                                              const std::string& day) const;

  db::Database& database_;
  const core::Clock& clock_;
  const org::OrgService& org_service_;
  OverviewRepository repository_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const StreetAgreements> street_agreements_;
};

}  // namespace liandong::cobuild_overview
