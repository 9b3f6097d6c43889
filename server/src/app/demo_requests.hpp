// The demo city's part in residents' requests (接诉即办): the agencies that the districts'
// departments station in the streets, the 12345 hotline's operator and an agency's staff.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/demo_city.hpp"
#include "db/database.hpp"
#include "features/org/org_model.hpp"

namespace liandong::app {

// Inside the demo city's transaction: the agencies of each district serving its streets, and the
// logins "hotline" (hotline.operator at the city) and "agency" (police.staff at 和平派出所).
void SeedDemoAgencies(const Application& application, db::Session& session,
                      const std::map<std::string, org::Org>& streets, std::vector<DemoLogin>& logins);

}  // namespace liandong::app
