// Co-building agreements of a generated city (liandong demo --scale city|megacity): about one
// agreement per 6 units (~10,000 on the megacity), each street and community signing with units of
// its territory, with their quarterly reports filed, late or missing and their deliveries.
#pragma once

#include <cstdint>

#include "app/application.hpp"

namespace liandong::app {

// Adds the agreements in the caller's open transaction, after the orgs, units and users; `random`
// is a seed. `created_by` signs them all (a generated city's user). Returns how many.
std::int64_t AddScaledAgreements(const Application& application, db::Session& session, std::uint64_t seed,
                                 std::int64_t created_by, std::int64_t now);

}  // namespace liandong::app
