// The demo city's last weeks of responsibility work (责任体系), played through the features'
// services by the demo users themselves, so that every page a newcomer opens has records in a
// realistic state: duty lists at every level, tasks cascaded from the city and a district to the
// communities with reports accepted, one awaiting review and one node overdue, a supervision and
// an accountability record about that node, a published bulletin and a draft, and the inbox
// notifications all of it sends.
#pragma once

#include <vector>

#include "app/application.hpp"
#include "app/demo_city.hpp"
#include "core/clock.hpp"

namespace liandong::app {

// How many days the story covers.
inline constexpr int kDemoActivityDays = 40;

// Plays the story on `clock`, which the application's services must read: call it with the clock
// kDemoActivityDays days before the moment the story should end (just after CreateDemoCity on the
// same clock), and it returns with the clock at that moment. The users sign in with `logins`
// (CreateDemoCity's), act, and sign out, as in the web app.
void CreateDemoActivity(Application& application, core::FakeClock& clock, const std::vector<DemoLogin>& logins);

}  // namespace liandong::app
