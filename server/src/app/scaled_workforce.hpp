// The generated cities' community workforce (liandong demo --scale city|megacity): the city's
// 三岗十八级 and one district's own version, fifteen workers per community (a principal, two
// deputies, twelve staff) with encrypted identifiers and five years of appraisals, loaded in bulk.
#pragma once

#include <cstdint>

#include "app/application.hpp"
#include "db/database.hpp"

namespace liandong::app {

// Loads the workforce into a generated city (its orgs already loaded), in transactions of its own
// on `session`. Returns how many workers it loaded.
std::int64_t CreateScaledWorkforce(const Application& application, db::Session& session, std::int64_t now);

}  // namespace liandong::app
