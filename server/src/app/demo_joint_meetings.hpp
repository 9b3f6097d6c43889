// The demo city's joint meetings: 和平街道's joint conference met last quarter (minutes, attendance,
// two resolutions, one already a task of two communities, the other waiting), meets again next
// week, and 和平里社区's 大党委 held its own.
#pragma once

#include "app/application.hpp"
#include "app/demo_activity.hpp"

namespace liandong::app {

void ScheduleDemoJointMeetings(DemoStory& story, Application& application);

}  // namespace liandong::app
