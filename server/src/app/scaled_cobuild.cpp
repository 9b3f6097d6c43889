#include "app/scaled_cobuild.hpp"

#include <map>
#include <string>
#include <vector>

#include "app/scaled_random.hpp"
#include "core/china_date.hpp"
#include "features/cobuild/agreement_schedule.hpp"

namespace liandong::app {
namespace {

constexpr int kUnitsPerAgreement = 6;  // 60,000 units: ~10,000 agreements

// A unit with the community it is located in and that community's street.
struct UnitPlace {
  std::int64_t unit_id = 0;
  std::int64_t community_id = 0;
  std::int64_t street_id = 0;
};

constexpr std::string_view kSelectUnitPlaces = R"sql(
  SELECT u.id, c.id, c.parent_id
  FROM unit u
  JOIN org c ON c.id = u.org_id
  WHERE c.level = 'community' AND u.archived_at IS NULL
  ORDER BY u.id
)sql";

// By primary key alone: the sweep's own statement also asks "not reminded, not filed", which
// PostgreSQL answers from the partial index of unreminded reports while the freshly loaded table
// has no statistics yet, scanning all of it per row (the megacity load stalled there for an hour).
constexpr std::string_view kSeedReminded = "UPDATE agreement_report SET reminded_at = :at WHERE id = :id";

std::vector<cobuild::NewCommitment> FiveOnes() {
  return {
      {"venue", "开放活动场地，供社区开展党组织活动", 1, "monthly"},
      {"volunteer_team", "组建一支党员志愿服务队", 1, "once"},
      {"service", "认领一个社区服务项目", 1, "quarterly"},
      {"paired_households", "结对帮扶困难家庭", 3, "once"},
      {"suggestions", "提出社区治理意见建议", 1, "yearly"},
  };
}

}  // namespace

std::int64_t AddScaledAgreements(const Application& application, db::Session& session, std::uint64_t seed,
                                 std::int64_t created_by, std::int64_t now) {
  soci::session& sql = session.sql();
  std::vector<UnitPlace> places;
  {
    long long unit_id = 0, community_id = 0, street_id = 0;
    soci::statement statement =
        (sql.prepare << kSelectUnitPlaces, soci::into(unit_id), soci::into(community_id), soci::into(street_id));
    statement.execute();
    while (statement.fetch()) places.push_back({unit_id, community_id, street_id});
  }
  // The units of each community, in order.
  std::map<std::int64_t, std::vector<UnitPlace>> by_community;
  for (const UnitPlace& place : places) by_community[place.community_id].push_back(place);

  const cobuild::AgreementService& agreements = application.agreement_service();
  Random random(seed);
  const std::string today = core::ChinaDate(now);
  long long reminded_id = 0, reminded_at = 0;
  soci::statement mark_reminded =
      (sql.prepare << kSeedReminded, soci::use(reminded_at, "at"), soci::use(reminded_id, "id"));
  std::int64_t count = 0;
  for (const auto& [community_id, units] : by_community) {
    // One agreement per kUnitsPerAgreement units: a third signed by the street, the rest by the
    // community; each with one to three units of the community.
    for (std::size_t first = 0; first + 1 < units.size(); first += kUnitsPerAgreement) {
      const int parties = 1 + random.Below(3);
      const bool by_street = random.Below(3) == 0;
      // Terms of one to three years that began up to two years ago (a tenth not begun yet).
      const int started_days_ago = random.Below(10) == 0 ? -random.Below(60) : random.Below(730);
      const std::string start_on = core::AddDays(today, -started_days_ago);
      const std::string end_on = core::AddDays(cobuild::AddMonths(start_on, 12 * (1 + random.Below(3))), -1);
      cobuild::NewAgreement input;
      input.org_id = by_street ? units[first].street_id : community_id;
      input.title = by_street ? "街道与驻区单位共驻共建协议" : "社区与驻区单位结对共建协议";
      input.org_head = "王志刚";
      input.org_liaison = "赵敏";
      input.signed_on = start_on;
      input.start_on = start_on;
      input.end_on = end_on;
      for (int p = 0; p < parties && first + static_cast<std::size_t>(p) < units.size(); ++p) {
        input.parties.push_back({units[first + static_cast<std::size_t>(p)].unit_id, "张伟", "刘洋"});
      }
      input.commitments = FiveOnes();
      const std::int64_t created_at = std::min(now, core::ChinaDayStart(start_on) + 10 * 3600);
      const std::int64_t id = agreements.Seed(sql, input, std::nullopt, created_by, created_at);
      ++count;
      // Reports due before today: 90% on time, 6% late, 4% missing; every one past or near its due
      // date was reminded, so the server's sweep has nothing to catch up on.
      for (const cobuild::Report& report : agreements.SeededReports(sql, id)) {
        if (report.due_on <= core::AddDays(today, cobuild::kReminderDays)) {
          reminded_id = report.id;
          reminded_at = core::ChinaDayStart(core::AddDays(report.due_on, -cobuild::kReminderDays));
          mark_reminded.execute(true);
        }
        if (report.due_on >= today) continue;
        const int fate = random.Below(100);
        if (fate >= 96) continue;
        const std::string filed_on =
            fate >= 90 ? core::AddDays(report.due_on, 1 + random.Below(20)) : core::AddDays(report.period_end, random.Below(10));
        if (filed_on >= today) continue;
        agreements.SeedFiling(sql, id, report.id, "本季度按协议履行共建承诺。", core::ChinaDayStart(filed_on) + 10 * 3600,
                              created_by);
      }
      // Deliveries: the venue opened about every other month of the term so far, the once-lines
      // delivered in the first month.
      for (const cobuild::Commitment& line : agreements.SeededCommitments(sql, id)) {
        if (line.rhythm == "monthly") {
          for (int month = 0; month < 36; month += 2) {
            const std::string on = core::AddDays(cobuild::AddMonths(start_on, month), 5);
            if (on >= today || on > end_on) break;
            agreements.SeedDelivery(sql, {line.id, on, 1, "场地开放"}, created_by, core::ChinaDayStart(on) + 10 * 3600);
          }
        } else if (line.rhythm == "once") {
          const std::string on = core::AddDays(start_on, 20);
          if (on < today) {
            agreements.SeedDelivery(sql, {line.id, on, line.quantity, "已落实"}, created_by,
                                    core::ChinaDayStart(on) + 10 * 3600);
          }
        }
      }
    }
  }
  return count;
}

}  // namespace liandong::app
