// The demo city's part in residents' requests (接诉即办): the agencies that the districts'
// departments station in the streets, the 12345 hotline's operator and an agency's staff.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/demo_activity.hpp"
#include "app/demo_city.hpp"
#include "db/database.hpp"
#include "features/org/org_model.hpp"

namespace liandong::app {

// Inside the demo city's transaction: the agencies of each district serving its streets, and the
// logins "hotline" (hotline.operator at the city) and "agency" (police.staff at 和平派出所).
void SeedDemoAgencies(const Application& application, db::Session& session,
                      const std::map<std::string, org::Org>& streets, std::vector<DemoLogin>& logins);

// The last four weeks of requests, scheduled in the demo story: taken by the hotline and by a
// street, handled by communities, streets and agencies, one returned naming the right owner, one
// extended, one reopened after an unsatisfied rating, one overdue (warned and escalated by the
// sweep), one awaiting the resident's rating and two awaiting sign-for today.
void ScheduleDemoRequests(DemoStory& story, Application& application);

}  // namespace liandong::app
