#include "app/scaled_key_enterprises.hpp"

#include <array>
#include <map>
#include <string>
#include <vector>

#include "app/scaled_random.hpp"
#include "core/china_date.hpp"

namespace liandong::app {
namespace {

constexpr std::array<const char*, 4> kReasons = {"规模以上企业、重点税源", "安全生产重点单位", "治安保卫重点单位",
                                                 "市容环境重点点位"};
constexpr std::array<const char*, 4> kVisits = {"走访企业，了解生产经营和用工情况", "上门开展安全检查",
                                                "宣讲惠企政策，收集企业诉求", "回访企业诉求办理情况"};
constexpr std::array<const char*, 4> kIssues = {"企业门前早晚高峰车辆乱停", "园区夜间照明不足",
                                                "企业反映招工难，请协助对接", "周边施工噪声影响办公"};

// A key-enterprise unit located in a community, with that community's street.
constexpr std::string_view kSelectKeyUnits = R"sql(
  SELECT u.id, c.parent_id
  FROM unit u
  JOIN org c ON c.id = u.org_id
  WHERE u.key_enterprise = 1 AND u.archived_at IS NULL AND c.level = 'community'
  ORDER BY u.id
)sql";

}  // namespace

std::int64_t AddScaledKeyEnterprises(const Application& application, db::Session& session, std::int64_t created_by,
                                     std::int64_t now, std::uint64_t seed) {
  soci::session& sql = session.sql();
  std::map<std::int64_t, std::vector<std::int64_t>> agencies_of_street;
  {
    long long street = 0, agency = 0;
    soci::statement statement = (sql.prepare << "SELECT street_org_id, agency_org_id FROM agency_street "
                                                "ORDER BY street_org_id, agency_org_id",
                                 soci::into(street), soci::into(agency));
    if (statement.execute(true)) {
      do {
        agencies_of_street[street].push_back(agency);
      } while (statement.fetch());
    }
  }
  std::vector<std::pair<std::int64_t, std::int64_t>> units;  // unit, street
  {
    long long unit = 0, street = 0;
    soci::statement statement = (sql.prepare << kSelectKeyUnits, soci::into(unit), soci::into(street));
    if (statement.execute(true)) {
      do {
        if (agencies_of_street.contains(street)) units.emplace_back(unit, street);
      } while (statement.fetch());
    }
  }
  const key_enterprise::KeyEnterpriseService& service = application.key_enterprise_service();
  Random random(seed);
  const std::string today = core::ChinaDate(now);
  std::int64_t count = 0;
  for (const auto& [unit, street] : units) {
    const std::vector<std::int64_t>& agencies = agencies_of_street.at(street);
    const std::int64_t agency = agencies[static_cast<std::size_t>(random.Below(static_cast<int>(agencies.size())))];
    const int listed_days_ago = 30 + random.Below(700);
    const std::string listed_on = core::AddDays(today, -listed_days_ago);
    const std::int64_t id = service.Seed(sql, {unit, street, agency, random.Pick(kReasons)}, listed_on, created_by,
                                         core::ChinaDayStart(listed_on) + 10 * 3600);
    ++count;
    // A visit by each side about every quarter of the last year the enterprise was listed.
    for (int days_ago = std::min(listed_days_ago, 365) - random.Below(30); days_ago > 0;
         days_ago -= 80 + random.Below(20)) {
      const bool by_street = random.Below(2) == 0;
      const std::string on = core::AddDays(today, -days_ago);
      service.SeedEntry(sql, id, {"visit", on, random.Pick(kVisits)}, by_street ? "street" : "agency",
                        by_street ? street : agency, created_by, core::ChinaDayStart(on) + 15 * 3600);
    }
    if (random.Below(2) == 0) {
      const int days_ago = 1 + random.Below(std::min(listed_days_ago, 300));
      const std::string on = core::AddDays(today, -days_ago);
      const bool by_street = random.Below(2) == 0;
      const std::int64_t issue =
          service.SeedEntry(sql, id, {"issue", on, random.Pick(kIssues)}, by_street ? "street" : "agency",
                            by_street ? street : agency, created_by, core::ChinaDayStart(on) + 16 * 3600);
      if (random.Below(3) != 0 && days_ago > 7) {
        service.SeedResolution(sql, issue, core::AddDays(on, 1 + random.Below(7)), "已协调解决",
                               by_street ? agency : street);
      }
    }
  }
  return count;
}

}  // namespace liandong::app
