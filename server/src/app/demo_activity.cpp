#include "app/demo_activity.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/demo_cobuild.hpp"
#include "app/demo_cobuild_lists.hpp"
#include "app/demo_requests.hpp"
#include "app/demo_joint_meetings.hpp"
#include "app/demo_key_enterprises.hpp"
#include "app/demo_whistles.hpp"
#include "core/china_date.hpp"
#include "core/crypto.hpp"

namespace liandong::app {
namespace {

constexpr std::int64_t kDaySeconds = 24 * 60 * 60;
constexpr const char* kRemoteAddress = "command line";

}  // namespace

DemoStory::DemoStory(Application& application, core::FakeClock& clock, const std::vector<DemoLogin>& logins)
    : application_(application),
      clock_(clock),
      logins_(logins),
      end_(clock.NowSeconds() + kDemoActivityDays * kDaySeconds),
      end_date_(core::ChinaDate(end_)) {}

std::string DemoStory::Date(int days) const { return core::AddDays(end_date_, days); }

std::int64_t DemoStory::Year() const { return std::stoll(end_date_.substr(0, 4)); }

std::int64_t DemoStory::TimeOf(int days_ago, int hour, int minute) const {
  const std::int64_t at = core::ChinaDayStart(Date(-days_ago)) + hour * 3600 + minute * 60;
  return std::min(at, end_ - 3600);
}

void DemoStory::MoveTo(int days_ago, int hour, int minute) { Move(TimeOf(days_ago, hour, minute)); }

void DemoStory::MoveToMinutesBeforeEnd(int minutes) { Move(end_ - minutes * 60); }

void DemoStory::Finish() { Move(end_); }

void DemoStory::At(int days_ago, int hour, int minute, std::function<void()> action) {
  scheduled_.emplace(TimeOf(days_ago, hour, minute), std::move(action));
}

void DemoStory::ActAs(const std::string& role, const std::function<void(const core::Actor&)>& action) const {
  const auto login =
      std::find_if(logins_.begin(), logins_.end(), [&](const DemoLogin& each) { return each.role == role; });
  if (login == logins_.end()) throw std::logic_error("no demo login for " + role);
  ActAsUser(login->username, login->password, action);
}

std::int64_t DemoStory::OrgId(const std::string& name) const {
  if (!org_ids_.contains(name)) {  // (re)read: orgs made since the last reading count too
    db::Session session(application_.database());
    long long id = 0;
    std::string org;
    soci::statement statement =
        (session.sql().prepare << "SELECT id, name FROM org", soci::into(id), soci::into(org));
    if (statement.execute(true)) {
      do {
        org_ids_[org] = id;
      } while (statement.fetch());
    }
  }
  const auto found = org_ids_.find(name);
  if (found == org_ids_.end()) throw std::logic_error("no demo org named " + name);
  return found->second;
}

std::int64_t DemoStory::UnitId(const std::string& name) const {
  db::Session session(application_.database());
  long long id = 0;
  soci::indicator indicator = soci::i_null;
  session.sql() << "SELECT MIN(id) FROM unit WHERE name = :name", soci::use(name, "name"), soci::into(id, indicator);
  if (indicator != soci::i_ok) throw std::logic_error("no demo unit named " + name);
  return id;
}

void DemoStory::AddStaff(const std::string& org, const std::string& username, const std::string& display_name,
                         const std::string& role) {
  if (staff_.contains(org)) return;  // the chapters share an org's background user
  if (staff_password_.empty()) staff_password_ = core::RandomPassword();
  const std::int64_t org_id = OrgId(org);
  db::Session session(application_.database());
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  application_.auth_service().CreateUser(session.sql(),
                                         auth::NewUser{org_id, username, display_name, role, staff_password_});
  transaction.Commit();
  staff_[org] = username;
}

void DemoStory::Act(const std::string& who, const std::function<void(const core::Actor&)>& action) const {
  const auto user = staff_.find(who);
  if (user == staff_.end()) {
    ActAs(who, action);
  } else {
    ActAsUser(user->second, staff_password_, action);
  }
}

void DemoStory::ActAsUser(const std::string& username, const std::string& password,
                          const std::function<void(const core::Actor&)>& action) const {
  const auth::AuthService& auth = application_.auth_service();
  const auth::LoginResult result = auth.Login(username, password, kRemoteAddress, "");
  core::Actor actor = auth.Authenticate(result.session_token).actor;
  actor.remote_address = kRemoteAddress;
  application_.notification_service().MarkAllRead(actor);
  action(actor);
  auth.Logout(actor);
}

void DemoStory::Move(std::int64_t at) {
  at = std::max(at, clock_.NowSeconds() + 60);
  // What other chapters scheduled before `at` happens first, each at its own time.
  while (!scheduled_.empty() && scheduled_.begin()->first <= at) {
    auto event = scheduled_.extract(scheduled_.begin());
    StepTo(std::max(event.key(), clock_.NowSeconds()));
    event.mapped()();
  }
  StepTo(at);
}

void DemoStory::StepTo(std::int64_t at) {
  while (true) {
    const std::int64_t midnight = core::ChinaDayStart(core::AddDays(core::ChinaDate(clock_.NowSeconds()), 1)) + 60;
    if (midnight >= at) break;
    clock_.Advance(midnight - clock_.NowSeconds());
    Sweep();
  }
  clock_.Advance(at - clock_.NowSeconds());
  Sweep();
}

void DemoStory::Sweep() const {
  application_.task_service().Sweep();
  application_.request_service().Sweep();
  application_.agreement_service().SweepReminders();
}

namespace {

org::Org ChildNamed(const org::OrgService& orgs, const core::Actor& actor, std::int64_t parent_id,
                    const std::string& name) {
  for (org::Org& child : orgs.ListChildren(actor, parent_id)) {
    if (child.name == name) return child;
  }
  throw std::logic_error("the demo city has no " + name);
}

// The actor's org's node of a task.
std::int64_t OwnNode(const task::TaskService& tasks, const core::Actor& actor, std::int64_t task_id) {
  task::AssignmentFilter filter;
  filter.task_id = task_id;
  const task::Page<task::Assignment> nodes = tasks.ListAssignments(actor, filter);
  if (nodes.items.empty()) throw std::logic_error("no task node for org " + std::to_string(actor.org_id));
  return nodes.items.front().id;
}

task::Targets List(std::vector<std::int64_t> org_ids) { return {"list", std::nullopt, std::move(org_ids)}; }
task::Targets Children() { return {"children", std::nullopt, {}}; }

struct DutyLine {
  const char* level;
  const char* description;
  const char* department;
};

// The city's duty list, for itself and the districts.
const std::vector<DutyLine>& CityDutyList() {
  static const std::vector<DutyLine> lines = {
      {"city", "统筹全市城市基层党建工作，每年至少召开两次市、区、街道、社区四级联动推进会", "组织部门"},
      {"city", "建立市级部门与街道、社区双向沟通机制，推动人财物和服务资源下沉", "民政部门"},
      {"city", "将社区工作经费和服务群众专项经费纳入财政预算并逐年增长", "财政部门"},
      {"district", "区委书记履行第一责任人职责，每季度至少研究一次城市基层党建工作", "组织部门"},
      {"district", "推动在职党员到居住地社区报到服务全覆盖", "组织部门"},
      {"district", "统筹社区工作者招聘、培训和薪酬待遇保障", "人力资源和社会保障部门"},
  };
  return lines;
}

// 东城区's duty list for its streets and communities.
const std::vector<DutyLine>& DistrictDutyList() {
  static const std::vector<DutyLine> lines = {
      {"street", "落实街道大工委例会制度，每季度至少召开一次", "组织部门"},
      {"street", "指导社区党组织规范化建设，每年评估一次党群服务中心阵地", "民政部门"},
      {"street", "组织驻区单位共驻共建，建立需求、资源、项目三张清单", "组织部门"},
      {"community", "落实“三会一课”制度，按期召开党员大会、支委会和党小组会", "组织部门"},
      {"community", "做好在职党员报到登记和服务岗位认领", "组织部门"},
      {"community", "组织青年志愿服务和妇女儿童关爱活动", "共青团"},
  };
  return lines;
}

}  // namespace

void CreateDemoActivity(Application& application, core::FakeClock& clock, const std::vector<DemoLogin>& logins) {
  DemoStory story(application, clock, logins);
  ScheduleDemoRequests(story, application);
  ScheduleDemoWhistles(story, application);
  ScheduleDemoKeyEnterprises(story, application);
  ScheduleDemoJointMeetings(story, application);
  const org::OrgService& orgs = application.org_service();
  const task::TaskService& tasks = application.task_service();

  // The orgs the story happens in, as the city sees them.
  org::Org city, dongcheng, heping, hepingli, dongfeng;
  // Duty items by level and place in the list, for the tasks and supervisions that follow them.
  std::map<std::string, std::vector<std::int64_t>> duty_items;
  story.MoveTo(kDemoActivityDays, 9, 0);
  story.ActAs("city", [&](const core::Actor& actor) {
    city = orgs.GetOwnOrg(actor.org_id).org;
    dongcheng = ChildNamed(orgs, actor, city.id, "东城区");
    heping = ChildNamed(orgs, actor, dongcheng.id, "和平街道");
    hepingli = ChildNamed(orgs, actor, heping.id, "和平里社区");
    dongfeng = ChildNamed(orgs, actor, heping.id, "东风社区");
  });
  CreateDemoCobuild(application, logins, clock.NowSeconds() + kDemoActivityDays * kDaySeconds);
  CreateDemoCobuildLists(application, logins, clock.NowSeconds() + kDemoActivityDays * kDaySeconds);

  // 责任清单 of the year: the city's for the city and the districts, 东城区's for its streets and
  // communities, each line owned by one of the built-in departments.
  const auto write_duty_list = [&](const std::string& role, const std::vector<DutyLine>& lines) {
    story.ActAs(role, [&](const core::Actor& actor) {
      std::map<std::string, std::int64_t> departments;
      for (const duty::Department& department : application.duty_service().ListDepartments(actor)) {
        departments.emplace(department.name, department.id);
      }
      for (const DutyLine& line : lines) {
        auto& items = duty_items[line.level];
        duty::NewDutyItem item;
        item.year = story.Year();
        item.level = line.level;
        item.description = line.description;
        item.department_id = departments.at(line.department);
        item.sort_order = static_cast<std::int64_t>(items.size()) + 1;
        items.push_back(application.duty_service().CreateItem(actor, item).id);
      }
    });
  };
  write_duty_list("city", CityDutyList());
  story.MoveTo(kDemoActivityDays, 10, 30);
  write_duty_list("district", DistrictDutyList());

  // The city's training, through 东城区 and 和平街道 to 和平里社区: reported and accepted on time.
  story.MoveTo(kDemoActivityDays - 1, 9, 30);
  std::int64_t training = 0;
  story.ActAs("city", [&](const core::Actor& actor) {
    task::NewTask task;
    task.title = "社区党组织书记履职能力专题培训";
    task.content = "请组织辖区社区党组织书记参加履职能力专题培训，学时不少于16学时，培训结束后上报参训情况和培训小结。";
    task.deadline = story.Date(-12);
    task.duty_item_id = duty_items.at("district").at(2);
    task.targets = List({dongcheng.id});
    training = tasks.Issue(actor, task).id;
  });
  story.MoveTo(kDemoActivityDays - 2, 9, 0);
  story.ActAs("district", [&](const core::Actor& actor) {
    tasks.Decompose(actor, OwnNode(tasks, actor, training), {List({heping.id}), story.Date(-13), 1});
  });
  story.MoveTo(kDemoActivityDays - 3, 10, 0);
  story.ActAs("street", [&](const core::Actor& actor) {
    tasks.Decompose(actor, OwnNode(tasks, actor, training), {List({hepingli.id}), story.Date(-14), 1});
  });

  // 东城区's self-check, which 和平街道 passes to two communities with an earlier deadline:
  // 和平里社区 finishes it, 东风社区 never reports.
  story.MoveTo(35, 9, 0);
  std::int64_t self_check = 0;
  story.ActAs("district", [&](const core::Actor& actor) {
    task::NewTask task;
    task.title = "党群服务中心规范化建设自查";
    task.content = "对照党群服务中心规范化建设标准，逐项自查场地、标识、制度和服务事项，形成自查报告并附现场照片。";
    task.deadline = story.Date(10);
    task.duty_item_id = duty_items.at("street").at(1);
    task.targets = List({heping.id});
    self_check = tasks.Issue(actor, task).id;
  });
  std::int64_t self_check_dongfeng = 0;
  story.MoveTo(34, 15, 0);
  story.ActAs("street", [&](const core::Actor& actor) {
    const auto nodes = tasks.Decompose(actor, OwnNode(tasks, actor, self_check),
                                       {List({hepingli.id, dongfeng.id}), story.Date(-4), 1});
    self_check_dongfeng = nodes.at(1).id;
  });

  // The city's registration of in-service members, to both districts and on to every community
  // of 和平街道: running, 和平里社区 at 40 %.
  story.MoveTo(20, 9, 0);
  std::int64_t registration = 0;
  story.ActAs("city", [&](const core::Actor& actor) {
    task::NewTask task;
    task.title = "在职党员到社区报到服务";
    task.content =
        "组织在职党员到居住地社区报到，认领服务岗位，年内每人参加社区服务不少于4次，按月上报报到和服务情况。";
    task.deadline = story.Date(25);
    task.weight = 2;
    task.duty_item_id = duty_items.at("district").at(1);
    task.targets = Children();
    registration = tasks.Issue(actor, task).id;
  });
  story.MoveTo(19, 10, 0);
  story.ActAs("district", [&](const core::Actor& actor) {
    tasks.Decompose(actor, OwnNode(tasks, actor, registration), {Children(), story.Date(20), 1});
  });
  story.MoveTo(18, 9, 30);
  story.ActAs("street", [&](const core::Actor& actor) {
    tasks.Decompose(actor, OwnNode(tasks, actor, registration), {Children(), story.Date(15), 1});
  });

  const auto report = [&](int days_ago, std::int64_t task_id, int percent, const std::string& text) {
    story.MoveTo(days_ago, 16, 0);
    story.ActAs("community", [&](const core::Actor& actor) {
      tasks.SubmitReport(actor, OwnNode(tasks, actor, task_id), {percent, text, {}});
    });
  };
  // 和平街道 reviews what its communities reported: all of it, this time.
  const auto accept_reports = [&](int days_ago) {
    story.MoveTo(days_ago, 9, 30);
    story.ActAs("street", [&](const core::Actor& actor) {
      for (const task::PendingReview& review : tasks.ListPendingReviews(actor, 0, 50).items) {
        tasks.Accept(actor, review.report.id);
      }
    });
  };
  report(16, training, 100, "社区党委书记已参加专题培训，完成16学时并通过结业测试，培训小结已形成。");
  accept_reports(15);

  // 东城区's red property management, down to 和平里社区: its report waits for 和平街道's review.
  story.MoveTo(15, 10, 0);
  std::int64_t property = 0;
  story.ActAs("district", [&](const core::Actor& actor) {
    task::NewTask task;
    task.title = "“红色物业”创建工作";
    task.content =
        "推动物业服务企业建立党组织或纳入联合党支部，建立社区党组织、居委会、业委会、物业服务企业四方协调机制。";
    task.deadline = story.Date(10);
    task.targets = List({heping.id});
    property = tasks.Issue(actor, task).id;
  });
  story.MoveTo(14, 9, 0);
  story.ActAs("street", [&](const core::Actor& actor) {
    tasks.Decompose(actor, OwnNode(tasks, actor, property), {List({hepingli.id}), story.Date(5), 1});
  });

  // The city asks 东城区, its pilot district, for its experience of the street reform; 东城区
  // answers itself and the city accepts.
  story.MoveTo(12, 9, 0);
  std::int64_t experience = 0;
  story.ActAs("city", [&](const core::Actor& actor) {
    task::NewTask task;
    task.title = "街道管理体制改革试点经验材料报送";
    task.content = "请试点区总结街道管理体制改革中赋权街道、统筹派驻机构的做法和成效，形成经验材料报送市委组织部。";
    task.deadline = story.Date(3);
    task.duty_item_id = duty_items.at("city").at(1);
    task.targets = List({dongcheng.id});
    experience = tasks.Issue(actor, task).id;
  });

  report(9, self_check, 100, "已完成党群服务中心自查：场地、标识、制度、服务事项四类12项均达标，自查报告已形成。");
  accept_reports(8);
  report(7, registration, 40, "已有23名在职党员报到，认领服务岗位18个，其余党员正在联系。");
  accept_reports(6);
  story.MoveTo(5, 15, 0);
  std::int64_t experience_report = 0;
  story.ActAs("district", [&](const core::Actor& actor) {
    experience_report =
        tasks
            .SubmitReport(actor, OwnNode(tasks, actor, experience),
                          {100, "已形成《东城区街道管理体制改革试点经验》，含和平街道赋权清单和派驻机构统筹做法。", {}})
            .id;
  });
  story.MoveTo(4, 10, 0);
  story.ActAs("city", [&](const core::Actor& actor) { tasks.Accept(actor, experience_report); });

  // 东风社区's self-check is overdue (told by the sweep, then escalated to 和平街道): a supervision.
  story.MoveTo(2, 9, 0);
  std::int64_t supervision_id = 0;
  story.ActAs("street", [&](const core::Actor& actor) {
    supervision::NewSupervision input;
    input.target_org_id = dongfeng.id;
    input.assignment_id = self_check_dongfeng;
    input.duty_item_id = duty_items.at("street").at(1);
    input.title = "党群服务中心规范化建设自查逾期未报";
    input.requirement =
        "你社区党群服务中心规范化建设自查已逾期，请于" + story.Date(-1) + "前完成自查，上报自查报告和整改情况。";
    input.deadline = story.Date(-1);
    supervision_id = application.supervision_service().Create(actor, input).id;
  });
  report(1, property, 100, "已成立小区物业联合党支部，四方协调机制已建立并召开首次联席会议，会议纪要已整理。");

  // Today: 东城区 holds 东风社区 to account and starts its bulletin of the last month; the city
  // publishes its own.
  story.MoveToMinutesBeforeEnd(40);
  story.ActAs("district", [&](const core::Actor& actor) {
    accountability::NewAccountability input;
    input.target_org_id = dongfeng.id;
    input.assignment_id = self_check_dongfeng;
    input.supervision_id = supervision_id;
    input.measure = "通报批评";
    input.subject = "东风社区党总支书记";
    input.reason = "党群服务中心规范化建设自查逾期未完成，经和平街道督办仍未按期整改。";
    input.decided_on = core::ChinaDate(clock.NowSeconds());
    application.accountability_service().Create(actor, input);
    application.bulletin_service().Create(actor, {std::nullopt, story.Date(-30), story.Date(-1), std::nullopt});
  });
  story.MoveToMinutesBeforeEnd(20);
  story.ActAs("city", [&](const core::Actor& actor) {
    const bulletin::Bulletin made =
        application.bulletin_service().Create(actor, {std::nullopt, story.Date(-30), story.Date(-1), std::nullopt});
    application.bulletin_service().Publish(actor, made.id);
  });
  story.Finish();
}

}  // namespace liandong::app
