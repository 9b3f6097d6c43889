#include "app/scaled_cobuild_lists.hpp"

#include <array>
#include <map>
#include <string>
#include <vector>

#include "app/scaled_random.hpp"
#include "core/china_date.hpp"

namespace liandong::app {
namespace {

constexpr std::string_view kSelectUnitPlaces = R"sql(
  SELECT u.id, c.id, c.parent_id
  FROM unit u
  JOIN org c ON c.id = u.org_id
  WHERE c.level = 'community' AND u.archived_at IS NULL
  ORDER BY u.id
)sql";

struct Theme {
  const char* category;
  const char* need;
  const char* resource;
  std::array<const char*, 3> tags;
};

constexpr std::array<Theme, 10> kThemes = {{
    {"elderly", "独居老人助餐服务", "为老服务公益资金", {"老年人", "助餐", "上门服务"}},
    {"youth", "四点半课堂辅导老师", "青年志愿者课后辅导", {"青少年", "课后辅导", "暑期"}},
    {"health", "社区义诊和健康讲座", "医护志愿服务队", {"义诊", "健康讲座", "老年人"}},
    {"culture", "社区文艺演出", "文化活动经费", {"文艺", "演出", "节日"}},
    {"environment", "老旧小区楼道清理", "环境整治志愿队", {"楼道", "堆物", "绿化"}},
    {"employment", "就业技能培训", "岗位推荐服务", {"就业", "培训", "困难家庭"}},
    {"assistance", "困难家庭结对帮扶", "帮扶慰问资金", {"困难家庭", "慰问", "助学"}},
    {"safety", "用电安全排查", "安全宣传服务", {"用电安全", "消防", "防诈骗"}},
    {"venue", "居民议事需要场地", "活动场地开放", {"活动室", "会议", "老年人"}},
    {"education", "党员冬训场地和师资", "党课宣讲师资", {"党课", "学习", "冬训"}},
}};
constexpr std::array<const char*, 4> kResourceKinds = {"funds", "talent", "service", "service"};

struct Place {
  std::int64_t unit_id = 0;
  std::int64_t community_id = 0;
  std::int64_t street_id = 0;
};

}  // namespace

std::int64_t AddScaledCobuildLists(const Application& application, db::Session& session, std::uint64_t seed,
                                   std::int64_t created_by, std::int64_t now) {
  soci::session& sql = session.sql();
  std::map<std::int64_t, std::vector<Place>> by_community;
  std::map<std::int64_t, std::int64_t> community_street;
  {
    long long unit_id = 0, community_id = 0, street_id = 0;
    soci::statement statement =
        (sql.prepare << kSelectUnitPlaces, soci::into(unit_id), soci::into(community_id), soci::into(street_id));
    statement.execute();
    while (statement.fetch()) {
      by_community[community_id].push_back({unit_id, community_id, street_id});
      community_street[community_id] = street_id;
    }
  }
  const cobuild_list::ListService& lists = application.list_service();
  const cobuild_list::VenueService& venues = application.venue_service();
  Random random(seed);
  const std::string today = core::ChinaDate(now);
  const auto day = [&](std::int64_t offset) { return core::AddDays(today, offset); };
  std::int64_t made = 0;

  // A service centre with one venue per street, and its bookings of the coming week.
  std::map<std::int64_t, bool> streets;
  for (const auto& [community, street] : community_street) streets[street] = true;
  for (const auto& [street, unused] : streets) {
    const std::int64_t centre =
        venues.SeedCentre(sql, {street, "街道党群服务中心", "街道办事处一楼", "周一至周六 8:30-20:00",
                                {"党员教育", "政策咨询", "志愿服务对接"}},
                          created_by, now);
    cobuild_list::NewVenue venue;
    venue.org_id = street;
    venue.service_centre_id = centre;
    venue.name = "多功能厅";
    venue.capacity = 80;
    venue.opening_hours = "周一至周六 8:30-20:00";
    venue.tags = {"活动室", "会议"};
    const std::int64_t venue_id = venues.SeedVenue(sql, venue, day(-180), created_by, now);
    for (int offset = 0; offset < 7; ++offset) {
      if (random.Below(3) == 0) continue;
      venues.SeedBooking(sql, venue_id, street,
                         {std::nullopt, std::nullopt, day(offset), "09:00", "11:00", "党员学习会", 40}, created_by, now);
    }
  }

  for (const auto& [community, places] : by_community) {
    const auto unit = [&] { return places[static_cast<std::size_t>(random.Below(static_cast<int>(places.size())))]; };
    // Resources of the community's units: about one in twelve expired.
    std::vector<std::int64_t> resources;
    for (int i = 0; i < 5; ++i) {
      const Theme& theme = kThemes[static_cast<std::size_t>(random.Below(static_cast<int>(kThemes.size())))];
      cobuild_list::NewResource input;
      input.org_id = community;
      input.unit_id = unit().unit_id;
      input.resource_kind = kResourceKinds[static_cast<std::size_t>(i % 4)];
      input.category = theme.category;
      input.tags = {theme.tags[static_cast<std::size_t>(random.Below(3))], theme.tags[2]};
      if (input.tags[0] == input.tags[1]) input.tags.pop_back();
      input.title = theme.resource;
      input.description = "驻区单位提供";
      input.quantity = input.resource_kind == "funds" ? 100'000 * (1 + random.Below(50)) : 10 + random.Below(200);
      input.headcount = input.resource_kind == "talent" ? 2 + random.Below(20) : 0;
      input.valid_from = day(-random.Below(300));
      input.valid_to = random.Below(12) == 0 ? day(-1 - random.Below(60)) : day(30 + random.Below(365));
      if (input.valid_to < input.valid_from) input.valid_to = input.valid_from;
      resources.push_back(lists.SeedResource(sql, input, created_by, now));
      ++made;
    }
    // Five needs: most open, some matched into a project (one of those delivered and rated), one
    // micro-wish, claimed half the time.
    for (int i = 0; i < 5; ++i) {
      const Theme& theme = kThemes[static_cast<std::size_t>(random.Below(static_cast<int>(kThemes.size())))];
      const bool wish = i == 4;
      const std::int64_t raised = -random.Below(120);
      const std::int64_t need = lists.SeedNeed(
          sql,
          {community, wish ? "micro_wish" : "need", theme.category,
           {theme.tags[static_cast<std::size_t>(random.Below(3))]}, wish ? "为困难老人添置生活用品" : theme.need,
           "社区居民提出", wish ? "困难老人" : "社区居民", wish ? 1 : 10 + random.Below(200), day(raised + 30 + random.Below(90))},
          created_by, now);
      ++made;
      if (wish) {
        if (random.Below(2) == 0) lists.SeedClaim(sql, need, {unit().unit_id, "认领"}, day(raised + 2), created_by, now);
        continue;
      }
      if (i < 2) {  // two needs per community become projects
        cobuild_list::NewProject project;
        project.org_id = community;
        project.unit_id = unit().unit_id;
        project.resource_id = resources[static_cast<std::size_t>(i)];
        project.category = theme.category;
        project.tags = {theme.tags[0]};
        project.title = theme.need;
        project.description = "需求对接形成的共建项目";
        project.budget = 100'000 * random.Below(20);
        project.owners = "驻区单位联络员";
        project.starts_on = day(raised + 3);
        project.ends_on = day(raised + 120);
        project.milestones = {{"启动", day(raised + 10)}};
        const std::int64_t project_id = lists.SeedProject(sql, project, created_by, now);
        ++made;
        lists.SeedMatch(sql, need, project_id, day(raised + 3));
        if (raised + 20 <= 0) {
          lists.SeedDelivery(sql, project_id, {day(raised + 20), "开展服务", 5 + random.Below(60)}, created_by, now);
          if (i == 0 && raised + 40 <= 0) {
            lists.SeedRating(sql, project_id, {3 + random.Below(3), "群众满意"}, day(raised + 40));
          }
        }
      }
    }
  }
  return made;
}

}  // namespace liandong::app
