// The co-building overview's roll-ups (table cobuild_tally, migration 0036): per community, and
// per street for its whole subtree, the needs open and matched, the running 报到 of members and unit Party orgs, and
// the minutes of service of each year and the count of their entries (for the drill-down's total). Every write that changes one of these facts adds to its tally in its own
// transaction, so the overview never reads a stale figure.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string_view>

namespace liandong::cobuild_overview {

inline constexpr std::string_view kNeedsOpen = "needs_open";
inline constexpr std::string_view kNeedsMatched = "needs_matched";
inline constexpr std::string_view kMembersReported = "members_reported";
inline constexpr std::string_view kUnitsReported = "units_reported";
inline constexpr std::string_view kServiceMinutes = "service_minutes";
inline constexpr std::string_view kServiceEntries = "service_entries";

// Adds `delta` to the org's tally of `measure` (year 0 for counts of now): to the org's own row
// when it is a community, and to its street's row, which counts the street's whole subtree.
void AddToTally(soci::session& sql, std::int64_t org_id, std::string_view measure, int year, std::int64_t delta);

// The needs' tally for a change of status ("open", "matched", another status counts in neither).
void MoveNeed(soci::session& sql, std::int64_t org_id, std::string_view from_status, std::string_view to_status);

// Counts every tally afresh from the records, in the caller's transaction: for data sets written
// in bulk (the generator), which bypass the writes that keep the tallies.
void Retally(soci::session& sql);

}  // namespace liandong::cobuild_overview
