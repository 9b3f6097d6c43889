// The demo city's dual reporting (双报到): unit Party orgs reported to their communities (one still
// awaiting its receipt), the in-service members reported to the communities they live in (one
// moved, with its history), 和平里社区's service posts with sign-ups and hours, last quarter's
// feedback sheets in the members' own Party orgs' inboxes, last year's evaluations and two-way
// ratings. Adds the login "unit" (unit.admin) at 胜利科技发展有限公司党支部, a unit's Party org
// that reported to 胜利社区 (it adds no members: the demo's member counts stay as they are).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/demo_city.hpp"
#include "db/database.hpp"
#include "features/org/org_model.hpp"

namespace liandong::app {

// Inside CreateDemoCity's transaction, with its communities and units by name.
void CreateDemoCheckIn(const Application& application, db::Session& session,
                       const std::map<std::string, org::Org>& communities,
                       const std::map<std::string, std::int64_t>& unit_ids, std::vector<DemoLogin>& logins,
                       std::int64_t now);

}  // namespace liandong::app
