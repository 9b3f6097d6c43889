#include "app/demo_check_in.hpp"

#include <stdexcept>

#include "core/china_date.hpp"
#include "core/crypto.hpp"
#include "features/check_in/check_in_model.hpp"

namespace liandong::app {
namespace {

std::int64_t UserNamed(soci::session& sql, const std::string& username) {
  long long id = 0;
  sql << "SELECT id FROM user_account WHERE username = :username", soci::use(username, "username"), soci::into(id);
  if (!sql.got_data()) throw std::logic_error("no demo user " + username);
  return id;
}

}  // namespace

void CreateDemoCheckIn(const Application& application, db::Session& session,
                       const std::map<std::string, org::Org>& communities,
                       const std::map<std::string, std::int64_t>& unit_ids, std::vector<DemoLogin>& logins,
                       std::int64_t now) {
  soci::session& sql = session.sql();
  const check_in::CheckInService& check_ins = application.check_in_service();
  const std::string today = core::ChinaDate(now);
  const int year = std::stoi(today.substr(0, 4));
  const std::string last_year = std::to_string(year - 1);
  const std::int64_t community_user = UserNamed(sql, "community.admin");

  // The units' Party orgs (own branches) by unit name, and where the units sit.
  const auto party_org_of = [&](const std::string& unit_name) {
    const auto unit = application.unit_service().FindUnit(sql, unit_ids.at(unit_name));
    if (!unit || !unit->own_org) throw std::logic_error("no own org of demo unit " + unit_name);
    return unit->own_org->id;
  };
  const std::int64_t technology_org = party_org_of("胜利科技发展有限公司");
  // The employer's login: the Party branch of 胜利科技发展有限公司 (胜利街道), whose members live in 和平街道.
  {
    DemoLogin login{"unit", "unit.admin", core::RandomPassword()};
    application.auth_service().CreateUser(
        sql, auth::NewUser{technology_org, login.username, "胜利科技发展有限公司党支部管理员", "unit_admin",
                           login.password});
    logins.push_back(std::move(login));
  }

  // Unit check-ins (报到单): received, and one awaiting its receipt.
  struct UnitLine {
    const char* unit;
    const char* community;
    std::string reported_on;
    std::optional<std::string> received_on;
  };
  const std::vector<UnitLine> unit_lines = {
      {"和平科技有限公司", "和平里社区", last_year + "-03-10", last_year + "-03-12"},
      {"东城区第一人民医院", "和平里社区", last_year + "-03-15", last_year + "-03-16"},
      {"东城区税务局和平税务所", "建设社区", last_year + "-04-02", last_year + "-04-08"},
      {"胜利科技发展有限公司", "胜利社区", last_year + "-03-20", last_year + "-03-21"},
      {"胜利中学", "胜利社区", last_year + "-05-06", last_year + "-05-09"},
      {"光明建筑工程有限公司", "光明社区", core::AddDays(today, -3), std::nullopt},
  };
  std::map<std::string, std::int64_t> unit_check_ins;
  for (const UnitLine& line : unit_lines) {
    unit_check_ins[line.unit] =
        check_ins.SeedUnitCheckIn(sql, unit_ids.at(line.unit), party_org_of(line.unit),
                                  communities.at(line.community).id, line.reported_on, line.received_on,
                                  community_user, now);
  }

  // The city's in-service members (a quarter of its members), each reported to the community it
  // lives in; the first of 和平街道 had reported to 东风社区 before and moved (a transfer, history kept).
  struct Reported {
    std::int64_t member_id = 0;
    std::int64_t employer_org_id = 0;
    std::int64_t check_in_id = 0;
    std::string home;
  };
  std::map<std::int64_t, std::string> community_names;
  for (const auto& [name, org] : communities) community_names[org.id] = name;
  std::vector<Reported> reported;
  {
    long long member_id = 0, org_id = 0, home_id = 0;
    soci::statement statement =
        (sql.prepare << "SELECT id, org_id, home_community_id FROM member WHERE in_service = 1 "
                        "AND home_community_id IS NOT NULL ORDER BY id",
         soci::into(member_id), soci::into(org_id), soci::into(home_id));
    statement.execute();
    while (statement.fetch()) {
      if (community_names.count(home_id) == 0) continue;
      reported.push_back({member_id, org_id, 0, community_names.at(home_id)});
    }
  }
  int serial = 0;
  bool moved = false;
  for (Reported& member : reported) {
    std::optional<std::int64_t> previous;
    if (!moved && member.home == "和平里社区") {
      previous = check_ins.SeedMemberCheckIn(sql, member.member_id, communities.at("东风社区").id,
                                             last_year + "-03-01", std::nullopt, community_user, now);
      moved = true;
    }
    const std::string reported_on =
        previous ? last_year + "-09-01" : last_year + "-04-0" + std::to_string(1 + serial++ % 9);
    member.check_in_id = check_ins.SeedMemberCheckIn(sql, member.member_id, communities.at(member.home).id,
                                                     reported_on, previous, community_user, now);
  }

  // 和平里社区's service posts, in four of the eight categories, with sign-ups and a year of hours.
  std::map<std::string, std::int64_t> categories;
  for (const check_in::ServiceCategory& category : check_ins.SeededCategories(sql)) {
    categories[category.code] = category.id;
  }
  const std::int64_t hepingli = communities.at("和平里社区").id;
  const std::string posts_start = core::AddDays(today, -400), posts_end = core::AddDays(today, 200);
  struct PostLine {
    const char* category;
    const char* title;
    const char* description;
    int headcount;
  };
  const std::vector<PostLine> post_lines = {
      {"policy_outreach", "社区政策宣讲员", "每月在党群服务站宣讲惠民政策，解答居民疑问", 5},
      {"environment", "周末环境整治志愿者", "周六上午清理楼道堆物、整治绿地环境", 10},
      {"public_safety", "小区平安巡逻", "晚间在小区内巡逻，排查安全隐患", 6},
      {"care", "独居老人关爱探访", "结对探访独居老人，帮助代购代办", 4},
  };
  std::vector<std::int64_t> posts;
  for (const PostLine& line : post_lines) {
    posts.push_back(check_ins.SeedPost(sql,
                                       check_in::NewServicePost{hepingli, categories.at(line.category), line.title,
                                                                line.description, line.headcount, posts_start,
                                                                posts_end},
                                       community_user, now));
  }
  int entry = 0;
  for (std::size_t m = 0; m < reported.size(); ++m) {
    if (reported[m].home != "和平里社区") continue;
    for (std::size_t p = 0; p < posts.size(); ++p) {
      if ((m + p) % 2 == 1) continue;  // each member takes two of the four posts
      const std::int64_t sign_up = check_ins.SeedSignUp(sql, posts[p], reported[m].check_in_id, reported[m].member_id,
                                                        core::AddDays(today, -300), community_user, now);
      for (int k = 0; k < 10; ++k) {
        const std::string served_on = core::AddDays(today, -(5 + 30 * k + static_cast<int>(m + p) * 3));
        check_ins.SeedHours(sql, posts[p], sign_up, reported[m].member_id,
                            check_in::NewHours{reported[m].check_in_id, served_on, 60 + 30 * ((++entry) % 4)},
                            community_user, now);
      }
    }
  }

  // 建设社区, in the same street, has a post of its own: the street's hours span two communities.
  const std::int64_t jianshe_post = check_ins.SeedPost(
      sql,
      check_in::NewServicePost{communities.at("建设社区").id, categories.at("environment"), "楼道堆物清理志愿者",
                               "每月第一个周六清理楼道堆物，消除消防隐患", 6, posts_start, posts_end},
      community_user, now);
  for (const Reported& member : reported) {
    if (member.home != "建设社区") continue;
    const std::int64_t sign_up = check_ins.SeedSignUp(sql, jianshe_post, member.check_in_id, member.member_id,
                                                      core::AddDays(today, -300), community_user, now);
    for (int k = 0; k < 8; ++k) {
      check_ins.SeedHours(sql, jianshe_post, sign_up, member.member_id,
                          check_in::NewHours{member.check_in_id, core::AddDays(today, -(7 + 30 * k)), 90},
                          community_user, now);
    }
  }

  // Last quarter's feedback sheets, sent to the employers' inboxes.
  int quarter = (std::stoi(today.substr(5, 2)) - 1) / 3;
  int sheet_year = year;
  if (quarter == 0) {
    quarter = 4;
    --sheet_year;
  }
  check_ins.SeedSheets(sql, sheet_year, quarter, now);

  // Last year's evaluations by 和平里社区, and the two-way ratings of last year.
  static const char* const kGrades[] = {"excellent", "good", "excellent", "fair"};
  int graded = 0;
  for (const Reported& member : reported) {
    if (member.home != "和平里社区") continue;
    check_ins.SeedEvaluation(sql, year - 1, hepingli, "member", member.member_id, member.employer_org_id,
                             kGrades[graded % 4],
                             "积极参加社区服务，群众评价好", community_user, now);
    ++graded;
  }
  check_ins.SeedEvaluation(sql, year - 1, hepingli, "unit", unit_ids.at("和平科技有限公司"),
                           party_org_of("和平科技有限公司"), "excellent", "开放会议室，组织志愿服务", community_user, now);
  const std::vector<check_in::EvaluationItem> items = check_ins.SeededItems(sql);
  const auto rate = [&](const std::string& direction, const char* community, const char* unit,
                        std::vector<std::int64_t> scores, const char* comment) {
    check_in::NewMutualEvaluation input{year - 1, direction, communities.at(community).id, unit_ids.at(unit), {},
                                        comment};
    for (const check_in::EvaluationItem& item : items) {
      if (item.direction != direction || input.scores.size() >= scores.size()) continue;
      input.scores.emplace_back(item.id, scores[input.scores.size()]);
    }
    const std::int64_t community_id = communities.at(community).id, unit_org = party_org_of(unit);
    const bool by_community = direction == "community_to_unit";
    check_ins.SeedMutualEvaluation(sql, input, by_community ? community_id : unit_org,
                                   by_community ? unit_org : community_id, community_user, now);
  };
  rate("community_to_unit", "和平里社区", "和平科技有限公司", {5, 4, 5, 4}, "共建积极，资源共享充分");
  rate("community_to_unit", "和平里社区", "东城区第一人民医院", {4, 5, 4, 5}, "义诊服务深受居民欢迎");
  rate("unit_to_community", "和平里社区", "和平科技有限公司", {5, 4, 4, 5}, "社区对接及时");
  rate("unit_to_community", "和平里社区", "东城区第一人民医院", {4, 4, 5, 4}, "活动组织有序");
  rate("community_to_unit", "胜利社区", "胜利科技发展有限公司", {4, 4, 3, 5}, "在职党员报到率高");
  rate("unit_to_community", "胜利社区", "胜利科技发展有限公司", {5, 5, 4, 4}, "需求回应迅速");
}

}  // namespace liandong::app
