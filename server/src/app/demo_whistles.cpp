#include "app/demo_whistles.hpp"

#include <functional>
#include <memory>

#include "core/china_date.hpp"
#include "core/crypto.hpp"

namespace liandong::app {
namespace {

// Residents of the demo streets (常住人口), by street; others get 45,000.
std::int64_t ResidentsOf(const std::string& street) {
  static const std::map<std::string, std::int64_t> residents = {
      {"和平街道", 52000}, {"胜利街道", 61000}, {"光明街道", 38000}, {"团结街道", 47000}};
  const auto found = residents.find(street);
  return found == residents.end() ? 45000 : found->second;
}

std::int64_t OrgNamed(soci::session& sql, const std::string& name) {
  long long id = 0;
  sql << "SELECT MIN(id) FROM org WHERE name = :name", soci::use(name, "name"), soci::into(id);
  return id;
}

}  // namespace

void SeedDemoWhistleCity(const Application& application, db::Session& session,
                         const std::map<std::string, org::Org>& streets, std::vector<DemoLogin>& logins,
                         std::int64_t now) {
  soci::session& sql = session.sql();
  const std::string counted_on = std::to_string(std::stoi(core::ChinaDate(now).substr(0, 4)) - 1) + "-01-01";
  for (const auto& [name, street] : streets) {
    application.whistle_service().SeedResidents(sql, street.id, counted_on, ResidentsOf(name));
  }
  DemoLogin login{"squad", "squad.staff", core::RandomPassword()};
  application.auth_service().CreateUser(
      sql, auth::NewUser{OrgNamed(sql, "东城区城管执法队"), login.username, "城管执法队队员", "agency_staff",
                         login.password});
  logins.push_back(std::move(login));
}

namespace {

// The records of the whistles' story, kept for the story's lifetime.
struct WhistleStory {
  WhistleStory(DemoStory& story, Application& application) : story(story), application(application) {}

  DemoStory& story;
  Application& application;
  std::map<std::string, std::int64_t> records;  // the story's name for each whistle or act → id

  const whistle::WhistleService& whistles() const { return application.whistle_service(); }
  const whistle::PowerActService& acts() const { return application.power_act_service(); }

  // The on-duty staff of orgs without a demo login.
  void Prepare() {
    story.AddStaff("东城区房管所", "housing.whistle", "房管所值班员", "agency_staff");
    story.AddStaff("东城区市场监管所", "market.whistle", "市场监管所值班员", "agency_staff");
    story.AddStaff("胜利街道", "shengli.whistle", "胜利街道应急值班", "street_admin");
  }
};

}  // namespace

void ScheduleDemoWhistles(DemoStory& story, Application& application) {
  auto s = std::make_shared<WhistleStory>(story, application);
  story.At(30, 8, 5, [s] { s->Prepare(); });

  // A whistle blown by `who` (a street), remembered as `name`.
  const auto blow = [s](int days_ago, int hour, int minute, std::string name, std::string who, std::string type,
                        std::string source, std::string title, std::string description, std::string address,
                        std::vector<std::string> agencies) {
    s->story.At(days_ago, hour, minute, [=] {
      s->story.Act(who, [&](const core::Actor& actor) {
        whistle::NewWhistle input;
        input.street_org_id = actor.org_id;
        input.type = type;
        input.source = source;
        input.title = title;
        input.description = description;
        input.address = address;
        for (const std::string& agency : agencies) input.agency_ids.push_back(s->story.OrgId(agency));
        s->records[name] = s->whistles().Blow(actor, input).id;
      });
    });
  };
  using Step = std::function<void(const whistle::WhistleService&, const core::Actor&, std::int64_t)>;
  const auto step = [s](int days_ago, int hour, int minute, std::string who, std::string name, Step action) {
    s->story.At(days_ago, hour, minute, [=] {
      s->story.Act(who, [&](const core::Actor& actor) { action(s->whistles(), actor, s->records.at(name)); });
    });
  };
  const auto sign_off = [](std::string text) {
    return [text](const whistle::WhistleService& w, const core::Actor& a, std::int64_t id) { w.SignOff(a, id, text); };
  };
  const auto arrive = [](std::string text) {
    return [text](const whistle::WhistleService& w, const core::Actor& a, std::int64_t id) { w.Arrive(a, id, text); };
  };
  const auto handle = [](std::string text) {
    return [text](const whistle::WhistleService& w, const core::Actor& a, std::int64_t id) { w.Handle(a, id, text); };
  };
  const auto complete = [](std::string text) {
    return [text](const whistle::WhistleService& w, const core::Actor& a, std::int64_t id) { w.Complete(a, id, text); };
  };
  const auto close = [](std::string text) {
    return [text](const whistle::WhistleService& w, const core::Actor& a, std::int64_t id) { w.Close(a, id, text); };
  };
  const auto rate = [s](std::string agency, int score, std::string comment) {
    return [=](const whistle::WhistleService& w, const core::Actor& a, std::int64_t id) {
      w.Rate(a, id, s->story.OrgId(agency), score, comment);
    };
  };

  // 综合执法: 和平里菜市场 — the squad arrives 12 minutes late; both parts done; rated 5 and 3.
  blow(21, 9, 0, "market", "street", "enforcement", "grid_patrol", "和平里菜市场周边占道经营、油烟扰民",
       "网格员巡查发现和平里菜市场周边长期占道经营，3家餐饮店油烟直排，街道多次劝导无效，需公安、城管联合执法。",
       "和平里菜市场", {"和平派出所", "东城区城管执法队"});
  step(21, 9, 10, "street", "market", sign_off("同意吹哨，请派出所、城管执法队30分钟内到场联合执法"));
  step(21, 9, 25, "agency", "market", arrive("民警2名到场维持秩序"));
  step(21, 9, 52, "squad", "market", arrive("执法队员4名到场"));
  step(21, 10, 30, "squad", "market", handle("对3家餐饮店油烟直排立案调查，现场责令停止直排"));
  step(21, 11, 0, "agency", "market", complete("劝离占道摊贩12户，现场秩序恢复"));
  step(20, 16, 0, "squad", "market", complete("3家餐饮店已安装油烟净化设备，占道问题纳入日常巡查"));
  step(20, 17, 0, "street", "market", close("联合执法完成，菜市场周边秩序恢复，纳入网格日常巡查"));
  step(20, 17, 10, "street", "market", rate("和平派出所", 5, "响应迅速，配合到位"));
  step(20, 17, 12, "street", "market", rate("东城区城管执法队", 3, "到场迟到12分钟，后续整改有力"));

  // 应急: a burst heating pipe in 胜利街道 — dispatched at once, signed after, closed and rated.
  blow(12, 6, 40, "pipe", "胜利街道", "emergency", "hotline", "胜利小区供热管线爆裂",
       "12345热线转来：胜利小区3号楼前供热管线爆裂，热水外涌，路面结冰，需立即处置。", "胜利小区3号楼",
       {"东城区房管所", "东城区城管执法队"});
  step(12, 7, 0, "东城区房管所", "pipe", arrive("抢修人员到场关阀"));
  step(12, 7, 5, "squad", "pipe", arrive("设置警戒区，疏导行人"));
  step(12, 8, 30, "胜利街道", "pipe", sign_off("应急先行处置，主要领导事后签发"));
  step(12, 11, 0, "squad", "pipe", complete("路面冰层已清除，警戒解除"));
  step(12, 15, 0, "东城区房管所", "pipe", complete("管线更换完毕，恢复供热"));
  step(12, 16, 0, "胜利街道", "pipe", close("险情排除，供热恢复"));
  step(12, 16, 5, "胜利街道", "pipe", rate("东城区房管所", 5, "连夜抢修"));
  step(12, 16, 6, "胜利街道", "pipe", rate("东城区城管执法队", 4, ""));

  // 街道难以解决的问题: a building's illegal extension — open: 和平派出所 is at work, the squad
  // arrived late and its part is open.
  blow(1, 15, 0, "extension", "street", "beyond_means", "resident_council", "东风小区12号楼违建影响消防通道",
       "居民议事会反映东风小区12号楼一层住户私搭违建，占用消防通道，社区多次劝说无效。", "东风小区12号楼",
       {"和平派出所", "东城区城管执法队"});
  step(1, 15, 20, "street", "extension", sign_off("同意吹哨"));
  step(1, 15, 40, "agency", "extension", arrive("民警到场"));
  step(1, 16, 35, "squad", "extension", arrive("执法队员到场勘查"));
  step(1, 17, 0, "agency", "extension", handle("已对住户进行法治宣传，住户同意配合拆除"));
  step(1, 17, 30, "squad", "extension", handle("已下达限期拆除通知书，期限3日"));

  // An enforcement whistle awaiting the principal leader's sign-off.
  blow(1, 18, 0, "stall", "street", "enforcement", "city_platform", "和平里东侧路口早市占道",
       "城市管理平台派转：和平里社区东侧路口早市摊贩占用人行道。", "和平里社区东侧路口", {"东城区城管执法队"});

  // Power acts of 和平街道 towards the agencies serving it.
  using ActStep = std::function<void(const whistle::PowerActService&, const core::Actor&, std::int64_t)>;
  const auto act = [s](int days_ago, std::string name, std::string agency, std::string power, std::string subject,
                       std::string text, std::string evidence, int due_in_days) {
    s->story.At(days_ago, 10, 0, [=] {
      s->story.ActAs("street", [&](const core::Actor& actor) {
        whistle::NewPowerAct input;
        input.street_org_id = actor.org_id;
        input.agency_org_id = s->story.OrgId(agency);
        input.power = power;
        input.subject = subject;
        input.text = text;
        input.evidence = evidence;
        input.response_due = s->story.Date(-days_ago + due_in_days);
        s->records[name] = s->acts().Create(actor, input).id;
      });
    });
  };
  const auto on_act = [s](int days_ago, int hour, std::string who, std::string name, ActStep action) {
    s->story.At(days_ago, hour, 0, [=] {
      s->story.Act(who, [&](const core::Actor& actor) { action(s->acts(), actor, s->records.at(name)); });
    });
  };
  const auto answer = [](std::string text) {
    return [text](const whistle::PowerActService& p, const core::Actor& a, std::int64_t id) { p.Answer(a, id, text); };
  };
  const auto conclude = [](std::string outcome, std::string text) {
    return [=](const whistle::PowerActService& p, const core::Actor& a, std::int64_t id) {
      p.Conclude(a, id, outcome, text);
    };
  };

  act(26, "supervision", "东城区城管执法队", "supervision", "督办背街小巷环境整治",
      "和平里片区背街小巷乱堆乱放问题反复出现，请城管执法队制定整治方案并每周通报进展。", "网格巡查记录（共17条）", 7);
  on_act(24, 15, "squad", "supervision", answer("已制定整治方案，每周二、五集中清理，整治进展每周报街道。"));
  on_act(18, 10, "street", "supervision", conclude("adopted", "整治方案已落实，居民反映明显改善"));
  act(18, "personnel", "东城区城管执法队", "personnel_recommendation", "关于执法队负责人任用的建议",
      "建议区城管执法局在执法队负责人任用中听取街道意见，优先考虑熟悉辖区情况的同志。", "街道党工委会议纪要", 14);
  on_act(10, 11, "street", "personnel", conclude("partly_adopted", "区城管执法局已书面回复，将征求街道意见"));
  act(15, "disposal", "东城区市场监管所", "disposal", "菜市场过期食品应急处置",
      "街道检查发现菜市场2家摊位销售过期食品，依处置权要求市场监管所即时下架封存。", "现场照片、检查记录", 2);
  on_act(15, 14, "东城区市场监管所", "disposal", answer("已下架封存过期食品36公斤，对2家摊位立案。"));
  on_act(14, 10, "street", "disposal", conclude("adopted", ""));
  act(6, "recommendation", "和平派出所", "recommendation", "学校周边上下学时段警力部署",
      "居民议事会建议在和平里小学上下学时段增派警力维护交通秩序。", "居民议事会会议纪要（2026年第3次）", 7);
  on_act(4, 16, "agency", "recommendation", answer("已安排上下学时段各增派2名警力和1辆巡逻车。"));
  act(2, "participation", "东城区房管所", "participation", "参与老旧小区改造方案论证",
      "和平里片区老旧小区改造方案将于下周论证，请房管所派员参加并提出意见。", "改造方案征求意见稿", 5);
}

}  // namespace liandong::app
