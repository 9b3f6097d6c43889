// The demo city's last weeks of responsibility work (责任体系), played through the features'
// services by the demo users themselves, so that every page a newcomer opens has records in a
// realistic state: duty lists at every level, tasks cascaded from the city and a district to the
// communities with reports accepted, one awaiting review and one node overdue, a supervision and
// an accountability record about that node, a published bulletin and a draft, and the inbox
// notifications all of it sends.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/demo_city.hpp"
#include "core/clock.hpp"

namespace liandong::app {

// How many days the story covers.
inline constexpr int kDemoActivityDays = 40;

// The story's time and people: the clock moves forward only, with the sweeps the server would have
// run on the way; the users act in signed-in sessions. Chapters of other features schedule their
// own events (At), which play in time order as the story moves past them.
class DemoStory {
 public:
  DemoStory(Application& application, core::FakeClock& clock, const std::vector<DemoLogin>& logins);

  // The China date `days` from the story's last day (negative: before it).
  std::string Date(int days) const;
  std::int64_t Year() const;
  // `hour`:`minute` (China time) `days_ago` days before the story's last day; never back in time,
  // and at least an hour before the story ends.
  void MoveTo(int days_ago, int hour, int minute);
  // `minutes` before the story ends (its last actions, whatever the time of day).
  void MoveToMinutesBeforeEnd(int minutes);
  void Finish();
  // Schedules `action` at that time (as MoveTo reads it).
  void At(int days_ago, int hour, int minute, std::function<void()> action);

  // The demo user of `role` signs in, opens the inbox (reading what it holds), acts, and signs out.
  void ActAs(const std::string& role, const std::function<void(const core::Actor&)>& action) const;
  // The same for any user.
  void ActAsUser(const std::string& username, const std::string& password,
                 const std::function<void(const core::Actor&)>& action) const;
  Application& application() const { return application_; }

  // The id of the org of that name (the demo city's names are unique).
  std::int64_t OrgId(const std::string& name) const;
  // The id of the demo unit named `name` (the first, should two share it).
  std::int64_t UnitId(const std::string& name) const;
  // Gives the org named `org`, which has no demo login, a background staff user for Act, unless
  // another chapter gave it one.
  void AddStaff(const std::string& org, const std::string& username, const std::string& display_name,
                const std::string& role);
  // The demo login of `who` (a role), or the background staff of the org named `who`.
  void Act(const std::string& who, const std::function<void(const core::Actor&)>& action) const;

 private:
  std::int64_t TimeOf(int days_ago, int hour, int minute) const;
  // Moves to `at`, playing the scheduled events on the way.
  void Move(std::int64_t at);
  // Moves to `at`, sweeping just after each midnight on the way as the server would (deadlines pass
  // at midnight), and at `at`.
  void StepTo(std::int64_t at);
  void Sweep() const;

  Application& application_;
  core::FakeClock& clock_;
  const std::vector<DemoLogin>& logins_;
  std::int64_t end_;
  std::string end_date_;
  std::multimap<std::int64_t, std::function<void()>> scheduled_;
  mutable std::map<std::string, std::int64_t> org_ids_;  // name → id, read when first asked
  std::map<std::string, std::string> staff_;              // org name → username of its background user
  std::string staff_password_;
};

// Plays the story on `clock`, which the application's services must read: call it with the clock
// kDemoActivityDays days before the moment the story should end (just after CreateDemoCity on the
// same clock), and it returns with the clock at that moment. The users sign in with `logins`
// (CreateDemoCity's), act, and sign out, as in the web app.
void CreateDemoActivity(Application& application, core::FakeClock& clock, const std::vector<DemoLogin>& logins);

}  // namespace liandong::app
