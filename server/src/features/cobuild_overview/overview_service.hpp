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
  // The figures of every street of one tree, as of one day and the versions of the agreements and
  // of the tallies (table_version, bumped by triggers in the writes' transactions): counting the
  // city's ~10,000 agreements and reading its ~1,500 tally rows takes ~30 ms, reading the versions
  // well under one.
  struct StreetFigures {
    std::string root_path;
    std::string day;
    Versions versions;
    std::map<std::int64_t, Figures> figures;
  };
  // The figures for `day`, from memory while the versions in the database are the ones they were
  // counted at. The versions are read before the count, so figures of a newer write kept under
  // older versions are only ever recounted, never served stale.
  std::shared_ptr<const StreetFigures> FiguresOfStreets(soci::session& sql, const core::OrgScope& scope,
                                                        const std::string& day, int year) const;

  db::Database& database_;
  const core::Clock& clock_;
  const org::OrgService& org_service_;
  OverviewRepository repository_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const StreetFigures> street_figures_;
};

}  // namespace liandong::cobuild_overview
