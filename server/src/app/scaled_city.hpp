// Generated cities for benchmarks (liandong demo --scale city|megacity): a deterministic, seeded
// data set with the shape of a real city, written the way production writes it (identifiers
// encrypted with a blind index and a masked copy, search grams indexed), but loaded in bulk.
//
// Every generated user of a role shares that role's password, hashed once: these data sets are
// for benchmarks only and must never be used in production.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "app/application.hpp"
#include "app/demo_city.hpp"

namespace liandong::app {

enum class DemoScale { kDemo, kCity, kMegacity };

// "demo", "city" or "megacity".
std::optional<DemoScale> ParseDemoScale(std::string_view text);

// Bumped whenever the generator's output changes, so that cached data sets are rebuilt.
inline constexpr int kScaledCityGeneratorVersion = 13;

// What a generated city holds.
struct ScaledCityCounts {
  std::int64_t orgs = 0;
  std::int64_t members = 0;
  std::int64_t units = 0;
  std::int64_t users = 0;
  std::int64_t tasks = 0;
  std::int64_t task_nodes = 0;
  std::int64_t agencies = 0;
  std::int64_t requests = 0;
};

// Builds the city for `scale` (kCity or kMegacity) if the database has no orgs yet, and returns
// the logins: one user per level (city, district, street, community) and a pool of users kept for
// the login benchmark (role "login"). Returns nothing when the database already has data.
std::vector<DemoLogin> CreateScaledCity(Application& application, const core::Clock& clock, DemoScale scale,
                                        ScaledCityCounts& counts);

}  // namespace liandong::app
