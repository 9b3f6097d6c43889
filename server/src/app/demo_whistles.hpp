// The demo city's part in whistles (吹哨报到) and the streets' power acts: the streets' resident
// counts, a login for the urban management squad, and the last weeks' whistles and acts.
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

// Inside the demo city's transaction, after the agencies: each street's residents (counted on
// 1 January of last year) and the login "squad" (squad.staff at 东城区城管执法队).
void SeedDemoWhistleCity(const Application& application, db::Session& session,
                         const std::map<std::string, org::Org>& streets, std::vector<DemoLogin>& logins,
                         std::int64_t now);

// Scheduled in the demo story: 和平街道's whistles — one closed and rated (an agency arrived late),
// one emergency dispatched first and signed after, one open today with an agency late and its part
// still open — and its power acts towards the agencies, from concluded to awaiting the answer.
void ScheduleDemoWhistles(DemoStory& story, Application& application);

}  // namespace liandong::app
