// SQL for the co-building overview: the agreements in force counted per street, and the roll-ups
// of table cobuild_tally (kept by tally.cpp in every write's transaction).
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "features/cobuild_overview/overview_model.hpp"

namespace liandong::cobuild_overview {

// How the overview groups: per street, or the single community a scope is rooted at.
enum class Grouping { kStreet, kCommunity };

// The versions of the agreements (and of the org tree's parents) and of cobuild_tally, bumped by
// every write to them (migration 0038).
struct Versions {
  std::int64_t agreements = 0;
  std::int64_t tallies = 0;
  bool operator==(const Versions&) const = default;
};

class OverviewRepository {
 public:
  // The streets of the scope in tree order (archived ones left out).
  std::vector<OrgRef> Streets(soci::session& sql, const core::OrgScope& scope) const;
  Versions ReadVersions(soci::session& sql) const;
  // Adds the figures of the agreements in force on `today` to the group each belongs to.
  void CountAgreements(soci::session& sql, const core::OrgScope& scope, Grouping grouping, const std::string& today,
                       std::map<std::int64_t, Figures>& figures) const;
  // Adds the tallies (counts of now, and the service minutes of `year`) to their groups.
  void AddTallies(soci::session& sql, const core::OrgScope& scope, Grouping grouping, int year,
                  std::map<std::int64_t, Figures>& figures) const;
};

}  // namespace liandong::cobuild_overview
