// Residents' requests for generated cities (liandong demo --scale city|megacity): the agencies of
// each district in its streets, and a year of requests with the SLA mix, returns, extensions,
// ratings and reopenings, with their steps and the monthly tallies, loaded in bulk.
#pragma once

#include <cstdint>
#include <vector>

#include "app/application.hpp"
#include "db/database.hpp"

namespace liandong::app {

struct RequestCity {
  struct Street {
    std::int64_t id = 0;
    std::vector<std::int64_t> communities;
  };
  struct District {
    std::int64_t id = 0;
    std::vector<Street> streets;
  };
  std::int64_t city = 0;
  std::vector<District> districts;
  std::int64_t hotline_user = 0;  // the 12345 operator, at the city: the first receiver
};

struct ScaledRequestCounts {
  std::int64_t agencies = 0;
  std::int64_t requests = 0;
  std::int64_t steps = 0;
};

// Adds a police station per street and five agencies per district serving all its streets, then
// `requests` requests received over the year before `now`, in their own transactions.
ScaledRequestCounts AddScaledRequests(const Application& application, db::Session& session, const RequestCity& city,
                                      std::int64_t requests, std::int64_t now, std::uint64_t seed);

}  // namespace liandong::app
