// SQL for street reform profiles, their granted powers and progress across streets.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "features/street/street_model.hpp"

namespace liandong::street {

class StreetRepository {
 public:
  // The stored profile with its powers; nullopt if the street has none yet.
  std::optional<StreetProfile> FindProfile(soci::session& sql, std::int64_t org_id) const;
  // Inserts or replaces the profile and its powers.
  void SaveProfile(soci::session& sql, const StreetProfile& profile, std::int64_t now) const;
  // Live streets in `scope` with how far each has come, grouped by parent
  // (district) and in the order they were created.
  std::vector<ReformProgressRow> ListReformProgress(soci::session& sql, const core::OrgScope& scope) const;
};

}  // namespace liandong::street
