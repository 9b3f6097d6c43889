// Dual reporting of a generated city (liandong demo --scale city|megacity): about 15% of the units
// with a Party org reported to their communities (~9,000 on the megacity, nine in ten received),
// 62% of the in-service members reported to the communities they live in (~700,000 on the
// megacity), four service posts per community with each reported member signed up to one, a
// year of service hours recorded by the communities, and last quarter's feedback sheets.
#pragma once

#include <cstdint>

#include "app/application.hpp"

namespace liandong::app {

struct ScaledCheckInCounts {
  std::int64_t unit_check_ins = 0;
  std::int64_t member_check_ins = 0;
  std::int64_t posts = 0;
  std::int64_t hours = 0;
  std::int64_t sheets = 0;
};

// Loads the check-ins after the members, in transactions of its own; `recorded_by` is the user
// every record names (the city's). Seeded by `seed`.
ScaledCheckInCounts AddScaledCheckIns(const Application& application, db::Session& session, std::uint64_t seed,
                                      std::int64_t recorded_by, std::int64_t now);

}  // namespace liandong::app
