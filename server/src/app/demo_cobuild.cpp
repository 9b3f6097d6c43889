#include "app/demo_cobuild.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "core/china_date.hpp"
#include "core/org_scope.hpp"
#include "features/cobuild/agreement_schedule.hpp"

namespace liandong::app {
namespace {

constexpr std::int64_t kHour = 60 * 60;

// The first day of the quarter of `date`.
std::string QuarterStart(const std::string& date) {
  const int month = std::stoi(date.substr(5, 2));
  const int first = (month - 1) / 3 * 3 + 1;
  return date.substr(0, 5) + (first < 10 ? "0" : "") + std::to_string(first) + "-01";
}

// 10:00 China time on `date`.
std::int64_t MorningOf(const std::string& date) { return core::ChinaDayStart(date) + 10 * kHour; }

std::vector<cobuild::NewCommitment> FiveOnes(const std::string& venue) {
  return {
      {"venue", "开放" + venue + "，供社区开展党组织活动和居民议事", 1, "monthly"},
      {"volunteer_team", "组建一支党员志愿服务队，参与社区环境整治和为老服务", 1, "once"},
      {"service", "认领一个社区服务项目（四点半课堂）并负责实施", 1, "quarterly"},
      {"paired_households", "结对帮扶辖区困难家庭", 3, "once"},
      {"suggestions", "每年就社区治理提出一条意见建议", 1, "yearly"},
  };
}

}  // namespace

void CreateDemoCobuild(Application& application, const std::vector<DemoLogin>& logins, std::int64_t end) {
  const auto login = std::find_if(logins.begin(), logins.end(), [](const DemoLogin& each) { return each.role == "city"; });
  if (login == logins.end()) throw std::logic_error("no demo login for city");
  const auth::AuthService& auth = application.auth_service();
  const auth::LoginResult result = auth.Login(login->username, login->password, "command line", "");
  core::Actor city = auth.Authenticate(result.session_token).actor;
  city.remote_address = "command line";
  struct UnitAt {
    std::int64_t id = 0;
    std::int64_t community_id = 0;
    std::int64_t street_id = 0;
  };
  const auto unit_named = [&](const std::string& name) {
    unit::UnitQuery query;
    query.text = name;
    for (const unit::Unit& unit : application.unit_service().ListUnits(city, std::nullopt, query).items) {
      if (unit.fields.name != name) continue;
      const std::vector<std::int64_t> ids = core::IdsOnPath(unit.org_path);  // city, district, street, community
      return UnitAt{unit.id, ids.back(), ids.at(2)};
    }
    throw std::logic_error("no demo unit " + name);
  };
  const UnitAt technology = unit_named("和平科技有限公司");
  const UnitAt hospital = unit_named("东城区第一人民医院");
  const UnitAt school = unit_named("胜利中学");
  const UnitAt construction = unit_named("光明建筑工程有限公司");
  const UnitAt software = unit_named("胜利科技发展有限公司");
  auth.Logout(city);

  const cobuild::AgreementService& agreements = application.agreement_service();
  db::Session session(application.database());
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t by = city.user_id;
  const std::string today = core::ChinaDate(end);
  const auto sign = [&](std::int64_t org_id, const std::string& title, const std::string& start_on,
                        const std::string& end_on, std::vector<cobuild::NewParty> parties,
                        std::vector<cobuild::NewCommitment> commitments, std::optional<std::int64_t> predecessor) {
    cobuild::NewAgreement input{org_id, title, "王志刚", "赵敏", start_on, start_on, end_on, std::move(parties),
                                std::move(commitments)};
    return agreements.Seed(sql, input, predecessor, by, std::min(end, MorningOf(start_on)));
  };
  // Files the reports of `agreement` due before today: on time, `late_days` after the due date for
  // the parties in `late`, and none for the last due report of a party in `missing_last`.
  const auto file_reports = [&](std::int64_t agreement, const std::vector<std::string>& late,
                                const std::vector<std::string>& missing_last) {
    const std::vector<cobuild::Report> reports = agreements.SeededReports(sql, agreement);
    for (const cobuild::Report& report : reports) {
      if (report.due_on >= today) continue;
      const bool is_last = std::none_of(reports.begin(), reports.end(), [&](const cobuild::Report& other) {
        return other.party_id == report.party_id && other.due_on > report.due_on && other.due_on < today;
      });
      const auto listed = [&](const std::vector<std::string>& names) {
        return std::find(names.begin(), names.end(), report.unit_name) != names.end();
      };
      if (is_last && listed(missing_last)) continue;
      const std::string filed_on = listed(late) && !is_last ? core::AddDays(report.due_on, 6)
                                                            : core::AddDays(report.period_end, 4);
      if (filed_on >= today) continue;
      agreements.SeedFiling(sql, agreement, report.id,
                            report.unit_name + " " + report.period_start + " 至 " + report.period_end +
                                " 履约情况：按协议开放活动场地，志愿服务队参与社区服务，结对帮扶家庭走访到位。",
                            MorningOf(filed_on), by);
    }
  };
  // Delivers every commitment line period by period up to `until` (the venue monthly, the rest once).
  const auto deliver = [&](std::int64_t agreement, const std::string& start_on, const std::string& until) {
    for (const cobuild::Commitment& line : agreements.SeededCommitments(sql, agreement)) {
      if (line.rhythm == "monthly") {
        for (int month = 0;; ++month) {
          const std::string on = core::AddDays(cobuild::AddMonths(start_on, month), 9);
          if (on >= until || on >= today) break;
          agreements.SeedDelivery(sql, {line.id, on, line.quantity, "党群活动室向社区开放 1 次：居民议事会"}, by,
                                  MorningOf(on));
        }
      } else if (line.kind == "volunteer_team" || line.kind == "paired_households") {
        const std::string on = core::AddDays(start_on, 20);
        if (on < today) {
          agreements.SeedDelivery(sql, {line.id, on, line.quantity, "志愿服务队成立，结对帮扶名单确定"}, by,
                                  MorningOf(on));
        }
      }
    }
  };

  // 和平街道 with two units for two years from three quarters ago: the hospital's last report is missing.
  const std::string heping_start = cobuild::AddMonths(QuarterStart(today), -9);
  auto five_ones = FiveOnes("党群活动室");
  five_ones.push_back({"funds", "每年支持社区党建活动经费 2 万元", 2'000'000, "yearly"});
  const std::int64_t heping = sign(technology.street_id, "和平街道与驻区单位共驻共建协议", heping_start,
                                   core::AddDays(cobuild::AddMonths(heping_start, 24), -1),
                                   {{technology.id, "张伟", "刘洋"}, {hospital.id, "李红", "陈静"}}, five_ones,
                                   std::nullopt);
  file_reports(heping, {"东城区第一人民医院"}, {"东城区第一人民医院"});
  deliver(heping, heping_start, core::AddDays(today, -35));
  // 和平里社区 with 和平科技有限公司, ending within the month.
  const std::int64_t hepingli =
      sign(technology.community_id, "和平里社区与和平科技有限公司结对共建协议", core::AddDays(today, -345),
           core::AddDays(today, 20), {{technology.id, "张伟", "刘洋"}}, FiveOnes("公司会议室"), std::nullopt);
  file_reports(hepingli, {}, {});
  deliver(hepingli, core::AddDays(today, -345), today);
  // 胜利街道 with 胜利中学: a year that ended last quarter, renewed for two years.
  const std::string shengli_start = cobuild::AddMonths(QuarterStart(today), -15);
  const std::string shengli_end = core::AddDays(cobuild::AddMonths(shengli_start, 12), -1);
  const std::int64_t shengli =
      sign(school.street_id, "胜利街道与胜利中学共驻共建协议", shengli_start, shengli_end,
           {{school.id, "何静", "周杰"}}, FiveOnes("学校操场和图书室"), std::nullopt);
  file_reports(shengli, {}, {});
  deliver(shengli, shengli_start, shengli_end);
  const std::string renewal_start = core::AddDays(shengli_end, 1);
  const std::int64_t renewed =
      sign(school.street_id, "胜利街道与胜利中学共驻共建协议", renewal_start,
           core::AddDays(cobuild::AddMonths(renewal_start, 24), -1), {{school.id, "何静", "周杰"}},
           FiveOnes("学校操场和图书室"), shengli);
  file_reports(renewed, {}, {});
  // 胜利社区 with 胜利科技发展有限公司 from two quarters ago: the company's own Party branch (the
  // demo's unit login) files its reports itself, and this quarter's is open to it.
  const std::string software_start = cobuild::AddMonths(QuarterStart(today), -6);
  const std::int64_t software_agreement =
      sign(software.community_id, "胜利社区与胜利科技发展有限公司结对共建协议", software_start,
           core::AddDays(cobuild::AddMonths(software_start, 24), -1), {{software.id, "冯涛", "孙丽"}},
           FiveOnes("公司多功能厅"), std::nullopt);
  file_reports(software_agreement, {}, {});
  deliver(software_agreement, software_start, today);
  // 光明街道 with 光明建筑工程有限公司: terminated a month ago.
  const std::string guangming_start = cobuild::AddMonths(QuarterStart(today), -6);
  const std::int64_t guangming = sign(construction.street_id, "光明街道与光明建筑工程有限公司共建协议",
                                      guangming_start, core::AddDays(cobuild::AddMonths(guangming_start, 24), -1),
                                      {{construction.id, "彭刚", "黄磊"}}, FiveOnes("项目部会议室"), std::nullopt);
  file_reports(guangming, {}, {});
  agreements.SeedTermination(sql, guangming, core::AddDays(today, -30), "单位生产经营场所迁出辖区，无法继续履行协议");
  transaction.Commit();
}

}  // namespace liandong::app
