// The demo city's key enterprises managed by both sides: two enterprises of 东城区, each with its
// street and agency, and a log of visits and issues, one of them still open.
#pragma once

#include "app/application.hpp"
#include "app/demo_activity.hpp"

namespace liandong::app {

// Scheduled in the demo story: 和平街道 lists 和平科技有限公司 with 和平派出所 (visits by both sides,
// an issue resolved, one open), and 胜利街道 lists 胜利科技发展有限公司 with 东城区城管执法队.
void ScheduleDemoKeyEnterprises(DemoStory& story, Application& application);

}  // namespace liandong::app
