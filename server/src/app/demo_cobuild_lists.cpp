#include "app/demo_cobuild_lists.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "core/china_date.hpp"
#include "core/org_scope.hpp"

namespace liandong::app {
namespace {

constexpr std::int64_t kHour = 60 * 60;

// 10:00 China time on `date`.
std::int64_t MorningOf(const std::string& date) { return core::ChinaDayStart(date) + 10 * kHour; }

struct UnitAt {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t street_id = 0;
};

}  // namespace

void CreateDemoCobuildLists(Application& application, const std::vector<DemoLogin>& logins, std::int64_t end) {
  const auto login = std::find_if(logins.begin(), logins.end(), [](const DemoLogin& each) { return each.role == "city"; });
  if (login == logins.end()) throw std::logic_error("no demo login for city");
  const auth::AuthService& auth = application.auth_service();
  const auth::LoginResult result = auth.Login(login->username, login->password, "command line", "");
  core::Actor city = auth.Authenticate(result.session_token).actor;
  city.remote_address = "command line";
  std::map<std::string, UnitAt> units;
  for (const char* name : {"和平科技有限公司", "东城区第一人民医院", "和平里便民超市", "晨光律师事务所", "建设社区养老服务中心",
                           "国网东城供电公司和平营业厅", "胜利中学"}) {
    unit::UnitQuery query;
    query.text = name;
    for (const unit::Unit& unit : application.unit_service().ListUnits(city, std::nullopt, query).items) {
      if (unit.fields.name != name) continue;
      const std::vector<std::int64_t> ids = core::IdsOnPath(unit.org_path);  // city, district, street, community
      units[name] = UnitAt{unit.id, ids.back(), ids.at(2)};
    }
    if (!units.count(name)) throw std::logic_error(std::string("no demo unit ") + name);
  }
  auth.Logout(city);
  const UnitAt technology = units.at("和平科技有限公司");
  const UnitAt hospital = units.at("东城区第一人民医院");
  const UnitAt school = units.at("胜利中学");
  const std::int64_t hepingli = technology.community_id;
  const std::int64_t heping = technology.street_id;
  const std::int64_t jianshe = units.at("建设社区养老服务中心").community_id;
  const std::int64_t dongfeng = units.at("晨光律师事务所").community_id;
  const std::int64_t shengli_community = school.community_id;
  const std::int64_t shengli = school.street_id;

  const cobuild_list::ListService& lists = application.list_service();
  const cobuild_list::VenueService& venues = application.venue_service();
  db::Session session(application.database());
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t by = city.user_id;
  const std::string today = core::ChinaDate(end);
  const auto day = [&](std::int64_t offset) { return core::AddDays(today, offset); };
  const auto at = [&](std::int64_t offset) { return std::min(end, MorningOf(day(offset))); };

  // Service centres and venues; each venue is listed as a resource.
  const std::int64_t heping_centre = venues.SeedCentre(
      sql, {heping, "和平街道党群服务中心", "和平路 18 号", "周一至周六 8:30-20:00",
            {"党员教育", "政策咨询", "志愿服务对接", "法律援助", "老年日间照料"}},
      by, at(-80));
  const std::int64_t hepingli_centre = venues.SeedCentre(
      sql, {hepingli, "和平里社区党群服务站", "和平里小区 3 号楼底商", "每天 8:00-21:00", {"居民议事", "四点半课堂", "助老服务"}},
      by, at(-75));
  const std::int64_t shengli_centre = venues.SeedCentre(
      sql, {shengli, "胜利街道党群服务中心", "胜利大街 66 号", "周一至周五 9:00-18:00", {"党员教育", "就业服务", "文化活动"}},
      by, at(-70));
  const auto venue = [&](std::int64_t org, std::optional<std::int64_t> centre, std::optional<std::int64_t> unit,
                         const std::string& name, std::int64_t capacity, const std::string& hours,
                         std::vector<std::string> tags, std::int64_t offset) {
    cobuild_list::NewVenue input;
    input.org_id = org;
    input.service_centre_id = centre;
    input.unit_id = unit;
    input.name = name;
    input.capacity = capacity;
    input.opening_hours = hours;
    input.tags = std::move(tags);
    return venues.SeedVenue(sql, input, day(offset), by, at(offset));
  };
  const std::int64_t hall = venue(heping, heping_centre, std::nullopt, "一楼报告厅", 120, "周一至周六 8:30-20:00",
                                  {"会议", "讲座"}, -80);
  venue(heping, heping_centre, std::nullopt, "二楼会议室", 30, "周一至周五 9:00-17:30", {"会议"}, -80);
  const std::int64_t room = venue(hepingli, hepingli_centre, std::nullopt, "社区活动室", 40, "每天 8:00-21:00",
                                  {"活动室", "老年人"}, -75);
  venue(shengli, shengli_centre, std::nullopt, "多功能厅", 80, "周一至周五 9:00-18:00", {"会议", "文化"}, -70);
  const std::int64_t tech_hall = venue(hepingli, std::nullopt, technology.id, "和平科技多功能厅", 60,
                                       "工作日 18:00-21:00，周末全天", {"活动室", "会议"}, -60);
  venue(hepingli, std::nullopt, hospital.id, "医院健康教育室", 50, "工作日 14:00-17:00", {"讲座", "健康"}, -60);
  const auto book = [&](std::int64_t venue_id, std::int64_t org, std::optional<std::int64_t> unit, std::int64_t offset,
                        const std::string& start, const std::string& finish, const std::string& title,
                        std::int64_t attendees) {
    venues.SeedBooking(sql, venue_id, org, {std::nullopt, unit, day(offset), start, finish, title, attendees}, by,
                       at(std::min<std::int64_t>(offset, 0) - 3));
  };
  book(hall, heping, std::nullopt, -6, "09:00", "11:30", "街道党工委理论学习中心组学习", 60);
  book(hall, hepingli, std::nullopt, -2, "14:00", "16:00", "和平里社区党员大会", 85);
  book(hall, heping, std::nullopt, 1, "09:00", "11:00", "区域化党建联席会议", 40);
  book(hall, jianshe, std::nullopt, 3, "14:30", "16:30", "建设社区居民议事会", 50);
  book(hall, heping, hospital.id, 5, "09:30", "11:30", "医护志愿者健康讲座", 100);
  book(room, hepingli, std::nullopt, 0, "15:00", "17:00", "老年人合唱排练", 25);
  book(room, hepingli, std::nullopt, 2, "16:30", "18:00", "四点半课堂", 20);
  book(tech_hall, hepingli, technology.id, 4, "19:00", "21:00", "青年党员读书会", 30);
  book(tech_hall, hepingli, std::nullopt, 6, "09:00", "11:00", "社区老年人棋牌比赛", 32);

  // Resources offered by units.
  const auto resource = [&](std::int64_t org, std::optional<std::int64_t> unit, const std::string& kind,
                            const std::string& category, std::vector<std::string> tags, const std::string& title,
                            const std::string& description, std::int64_t quantity, std::int64_t headcount,
                            std::int64_t from, std::int64_t to, std::vector<std::int64_t> served = {}) {
    cobuild_list::NewResource input;
    input.org_id = org;
    input.unit_id = unit;
    input.resource_kind = kind;
    input.category = category;
    input.tags = std::move(tags);
    input.title = title;
    input.description = description;
    input.quantity = quantity;
    input.headcount = headcount;
    input.valid_from = day(from);
    input.valid_to = day(to);
    input.served_org_ids = std::move(served);
    return lists.SeedResource(sql, input, by, at(from));
  };
  const std::int64_t meal_fund =
      resource(hepingli, technology.id, "funds", "elderly", {"老年人", "助餐"}, "和平科技社区公益微基金",
               "每年 5 万元，用于辖区老年人助餐和困难群众帮扶", 5'000'000, 0, -90, 275, {jianshe});
  const std::int64_t doctors = resource(hepingli, hospital.id, "talent", "health", {"义诊", "健康讲座", "老年人"},
                                        "医护志愿服务队", "12 名医护人员，每月进社区义诊一次", 200, 12, -85, 280);
  resource(dongfeng, units.at("晨光律师事务所").id, "service", "assistance", {"法律咨询", "调解"}, "法律咨询进社区",
           "每月两次到社区坐班，提供免费法律咨询", 24, 0, -80, 285);
  resource(jianshe, units.at("建设社区养老服务中心").id, "service", "elderly", {"老年人", "上门服务"}, "失能老人上门助浴",
           "为辖区失能老人每月上门助浴", 40, 0, -70, 295);
  resource(jianshe, units.at("国网东城供电公司和平营业厅").id, "funds", "safety", {"用电安全"}, "电力安全宣传经费",
           "楼院用电安全宣传和老旧线路排查", 1'000'000, 0, -60, 200);
  resource(hepingli, units.at("和平里便民超市").id, "funds", "assistance", {"困难家庭", "节日慰问"}, "春节慰问物资",
           "春节前为困难家庭送米面油（已过期）", 300'000, 0, -120, -30);
  resource(shengli_community, school.id, "talent", "youth", {"青少年", "课后辅导"}, "青年教师志愿者",
           "8 名青年教师，周三、周五课后辅导", 120, 8, -50, 200);

  // Projects, and the needs they answer.
  const auto need = [&](std::int64_t org, const std::string& kind, const std::string& category,
                        std::vector<std::string> tags, const std::string& title, const std::string& description,
                        const std::string& beneficiaries, std::int64_t count, std::int64_t wanted, std::int64_t raised) {
    return lists.SeedNeed(sql, {org, kind, category, std::move(tags), title, description, beneficiaries, count, day(wanted)},
                          by, at(raised));
  };
  const auto project = [&](std::int64_t org, std::optional<std::int64_t> unit, std::optional<std::int64_t> from_resource,
                           const std::string& category, std::vector<std::string> tags, const std::string& title,
                           const std::string& description, std::int64_t budget, const std::string& owners,
                           std::int64_t starts, std::int64_t ends, std::vector<cobuild_list::NewMilestone> milestones) {
    cobuild_list::NewProject input;
    input.org_id = org;
    input.unit_id = unit;
    input.resource_id = from_resource;
    input.category = category;
    input.tags = std::move(tags);
    input.title = title;
    input.description = description;
    input.budget = budget;
    input.owners = owners;
    input.starts_on = day(starts);
    input.ends_on = day(ends);
    input.milestones = std::move(milestones);
    return lists.SeedProject(sql, input, by, at(starts));
  };
  const auto deliver = [&](std::int64_t project_id, std::int64_t offset, const std::string& text, std::int64_t people) {
    lists.SeedDelivery(sql, project_id, {day(offset), text, people}, by, at(offset));
  };

  const std::int64_t meals_need = need(hepingli, "need", "elderly", {"老年人", "助餐"}, "独居老人助餐服务",
                                       "辖区 36 位独居和高龄老人吃饭难，希望有单位支持每天送餐上门", "独居、高龄老人",
                                       36, -20, -70);
  const std::int64_t meals = project(hepingli, technology.id, meal_fund, "elderly", {"老年人", "助餐"}, "独居老人助餐服务",
                                     "和平科技出资，社区食堂每天为独居老人送餐上门", 2'000'000, "张伟（和平科技）",
                                     -65, -20, {{"确定送餐名单", day(-60)}, {"送餐满一个月", day(-35)}});
  {
    const long long taken = 2'000'000, key = meal_fund;
    sql << "UPDATE resource SET committed = :taken WHERE id = :id", soci::use(taken, "taken"), soci::use(key, "id");
  }
  lists.SeedMatch(sql, meals_need, meals, day(-65));
  deliver(meals, -58, "首批 20 位老人开始每日送餐", 20);
  deliver(meals, -45, "送餐扩展到 36 位老人，增加低盐套餐", 36);
  deliver(meals, -25, "回访老人并调整菜单，满意率 97%", 36);
  lists.SeedRating(sql, meals, {5, "老人们每天吃上热乎饭，子女也放心了"}, day(-18));

  const std::int64_t clinic_need = need(jianshe, "need", "health", {"义诊", "老年人"}, "社区义诊和健康讲座",
                                        "老年人慢病多，希望每月有医生到社区义诊、讲健康知识", "社区老年人", 120, 40, -40);
  const std::int64_t clinic = project(jianshe, hospital.id, doctors, "health", {"义诊", "健康讲座"}, "社区义诊进楼院",
                                      "东城区第一人民医院医护志愿服务队每月到建设社区义诊", 0, "李红（东城区第一人民医院）",
                                      -35, 60, {{"首次义诊", day(-30)}, {"高血压专题讲座", day(10)}});
  lists.SeedMatch(sql, clinic_need, clinic, day(-35));
  deliver(clinic, -30, "首次义诊：量血压、测血糖，发放健康手册", 86);

  project(shengli_community, school.id, std::nullopt, "youth", {"青少年", "课后辅导"}, "四点半课堂",
          "胜利中学青年教师为双职工家庭孩子提供课后辅导", 500'000, "何静（胜利中学）", -50, 150,
          {{"开班", day(-45)}, {"期末汇报", day(120)}});

  need(dongfeng, "need", "environment", {"楼道", "堆物"}, "小区楼道堆物清理", "老旧小区楼道堆物多，存在消防隐患",
       "东风小区居民", 400, 30, -10);
  need(heping, "need", "youth", {"青少年", "暑期"}, "辖区青少年暑期托管", "双职工家庭孩子暑期无人照看", "辖区中小学生",
       60, 60, -5);
  need(shengli_community, "need", "youth", {"青少年", "课后辅导"}, "课后辅导志愿教师",
       "社区四点半课堂缺少辅导老师", "小学生", 25, 25, -8);
  const std::int64_t heater = need(hepingli, "micro_wish", "assistance", {"独居老人", "取暖"},
                                   "为独居的李奶奶添置一台电暖器", "李奶奶 82 岁独居，家中取暖设备老旧", "独居老人", 1, 10,
                                   -12);
  lists.SeedClaim(sql, heater, {technology.id, "本周内送货上门并安装"}, day(-9), by, at(-9));
  need(hepingli, "micro_wish", "assistance", {"困难家庭", "学习用品"}, "为困难家庭孩子购买新书包",
       "两名困难家庭的小学生需要新书包和文具", "困难家庭儿童", 2, 15, -4);
  need(jianshe, "micro_wish", "elderly", {"孤寡老人", "维修"}, "为孤寡老人修理老旧门锁", "王大爷家门锁老化打不开",
       "孤寡老人", 1, 7, -2);
  // The newest open need: the one the matching answers best (the bench's suggestions scenario).
  need(hepingli, "need", "venue", {"老年人", "活动室"}, "老年人棋牌活动需要场地",
       "社区老年人每周两次棋牌活动，需要一间可容纳 30 人的活动室", "社区老年人", 30, 20, -3);
  transaction.Commit();
}

}  // namespace liandong::app
