// The demo city's three co-building lists, service centres and venues, dated up to the story's
// end: each page of needs, resources, projects and venues has realistic records.
#pragma once

#include <cstdint>
#include <vector>

#include "app/application.hpp"
#include "app/demo_city.hpp"

namespace liandong::app {

// Service centres of 和平街道, 和平里社区 and 胜利街道 with their venues (and the venues of two
// units), bookings around `end`; resources of units (one expired), needs of communities and
// streets (open ones that the matching answers, micro-wishes of which one is claimed), and projects
// (one delivered and rated, one under way). Signs in as the city to find the units.
void CreateDemoCobuildLists(Application& application, const std::vector<DemoLogin>& logins, std::int64_t end);

}  // namespace liandong::app
