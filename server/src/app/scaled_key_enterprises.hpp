// Key enterprises managed by both sides for generated cities (liandong demo --scale city|megacity):
// every key-enterprise unit of a street that agencies serve, listed with one of those agencies up to
// two years ago, with a visit by each side about every quarter and an issue in half of them (two
// thirds resolved).
#pragma once

#include <cstdint>

#include "app/application.hpp"
#include "db/database.hpp"

namespace liandong::app {

// After AddScaledRequests (the agencies), in the caller's transaction; returns the enterprises listed.
std::int64_t AddScaledKeyEnterprises(const Application& application, db::Session& session, std::int64_t created_by,
                                     std::int64_t now, std::uint64_t seed);

}  // namespace liandong::app
