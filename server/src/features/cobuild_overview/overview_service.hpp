// Rules for the co-building overview: cobuild:read; the org asked about (default the actor's own)
// must lie in the actor's subtree. A city or district sees a row per street of its subtree, a
// street its own row, a community its own row; every figure is the total of the list it drills
// down to (agreements, needs, the 报到 roster, the service hours), as of today.
#pragma once

#include <cstdint>
#include <optional>

#include "core/actor.hpp"
#include "core/clock.hpp"
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
  db::Database& database_;
  const core::Clock& clock_;
  const org::OrgService& org_service_;
  OverviewRepository repository_;
};

}  // namespace liandong::cobuild_overview
