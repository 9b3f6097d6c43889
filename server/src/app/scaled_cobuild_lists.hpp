// The three co-building lists of a generated city (liandong demo --scale city|megacity): per
// community with units, five needs (one a micro-wish), five resources of its units and two
// projects (~60,000 rows on the megacity's 5,000 communities, ~6,000 on the city's 500); per street
// a service centre with a venue (listed as a resource) and a week of bookings.
#pragma once

#include <cstdint>

#include "app/application.hpp"

namespace liandong::app {

// Adds the lists in the caller's open transaction, after the orgs, units and users; `seed` seeds
// the choices. `created_by` records them all (a generated city's user). Returns how many needs,
// resources and projects were made.
std::int64_t AddScaledCobuildLists(const Application& application, db::Session& session, std::uint64_t seed,
                                   std::int64_t created_by, std::int64_t now);

}  // namespace liandong::app
