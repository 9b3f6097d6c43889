// Whistles and power acts for generated cities (liandong demo --scale city|megacity): a year of
// whistles of every street towards the agencies serving it — mostly closed and rated, some late
// arrivals, the last days' still open — and the streets' power acts, loaded in bulk; and each
// street's residents, for the whistle rate.
#pragma once

#include <cstdint>

#include "app/application.hpp"
#include "app/scaled_requests.hpp"
#include "db/database.hpp"

namespace liandong::app {

struct ScaledWhistleCounts {
  std::int64_t whistles = 0;
  std::int64_t power_acts = 0;
};

// After AddScaledRequests (the agencies): `whistles` whistles blown over the year before `now` and
// a power act for every ten, in one transaction.
ScaledWhistleCounts AddScaledWhistles(const Application& application, db::Session& session, const RequestCity& city,
                                      std::int64_t whistles, std::int64_t now, std::uint64_t seed);

}  // namespace liandong::app
