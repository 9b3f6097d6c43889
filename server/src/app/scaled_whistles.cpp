#include "app/scaled_whistles.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/scaled_random.hpp"
#include "core/china_date.hpp"
#include "core/log.hpp"

namespace liandong::app {
namespace {

constexpr std::array<const char*, 5> kSources = {"hotline", "grid_patrol", "resident_council", "petition",
                                                 "city_platform"};
constexpr std::array<const char*, 6> kSubjects = {"占道经营联合执法", "违法建设拆除", "餐饮油烟扰民",
                                                  "老旧小区消防隐患", "群租房整治", "供热管线抢修"};
constexpr std::array<const char*, 5> kPowers = {"disposal", "recommendation", "participation", "supervision",
                                                "personnel_recommendation"};
constexpr std::array<const char*, 3> kOutcomes = {"adopted", "partly_adopted", "not_adopted"};
constexpr std::int64_t kYear = 365 * 86400;
constexpr std::int64_t kArrivalMinutes = 30;

// A step of the whistle or act being made, written after its row (SQLite checks each row's
// foreign keys as it is inserted).
struct PendingStep {
  std::string kind;
  std::int64_t org_id;
  std::optional<std::int64_t> target_org_id;
  std::string text;
  std::int64_t at;
};

}  // namespace

ScaledWhistleCounts AddScaledWhistles(const Application& application, db::Session& session, const RequestCity& city,
                                      std::int64_t whistles, std::int64_t now, std::uint64_t seed) {
  ScaledWhistleCounts counts;
  Random random(seed);
  soci::session& sql = session.sql();
  // The agencies serving each street (written by AddScaledRequests).
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
  std::vector<std::int64_t> streets;
  for (const RequestCity::District& district : city.districts) {
    for (const RequestCity::Street& street : district.streets) {
      if (agencies_of_street.contains(street.id)) streets.push_back(street.id);
    }
  }
  if (streets.empty()) return counts;

  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::unique_ptr<whistle::WhistleBulkLoad> load = application.whistle_service().StartBulkLoad(session);
  const std::string counted_on = core::AddDays(core::ChinaDate(now - kYear), 0).substr(0, 4) + "-01-01";
  for (const std::int64_t street : streets) load->AddPopulation(street, counted_on, 30000 + random.Below(90000));

  for (std::int64_t id = 1; id <= whistles; ++id) {
    const std::int64_t street = streets[static_cast<std::size_t>(random.Below(static_cast<int>(streets.size())))];
    const std::vector<std::int64_t>& serving = agencies_of_street.at(street);
    whistle::Whistle w;
    w.id = id;
    w.street.id = street;
    const int kind = random.Below(100);
    w.type = kind < 60 ? "beyond_means" : kind < 90 ? "enforcement" : "emergency";
    w.source = random.Pick(kSources);
    const char* subject = random.Pick(kSubjects);
    w.title = std::string(subject) + "（第" + std::to_string(id) + "号）";
    w.description = std::string("网格巡查发现") + subject + "问题，街道难以独立解决，吹哨相关部门报到。";
    // Blown over the year, evenly: ids grow with time.
    w.blown_at = now - kYear + kYear * id / (whistles + 1) + random.Below(600);
    w.blown_month = core::ChinaDate(w.blown_at).substr(0, 7);
    const bool emergency = w.type == "emergency";
    const std::int64_t signed_at = w.blown_at + (emergency ? 3600 + random.Below(7200) : 300 + random.Below(1500));
    w.dispatched_at = emergency ? w.blown_at : signed_at;
    w.signed_off_at = signed_at;
    w.signed_after_dispatch = emergency;
    const std::int64_t age = now - w.blown_at;
    // The last three days' are still open; one in fifty of today's awaits the sign-off.
    const bool awaiting = !emergency && ((age < 86400 && random.Below(50) == 0) || signed_at > now);
    if (emergency && signed_at > now) w.signed_off_at.reset();
    const bool open = !awaiting && age < 3 * 86400;
    if (awaiting) {
      w.state = "awaiting_sign_off";
      w.signed_off_at.reset();
      w.dispatched_at.reset();
    } else {
      w.state = open ? "dispatched" : "closed";
    }
    // One to three agencies serving the street.
    std::vector<PendingStep> steps;
    std::vector<std::int64_t> summoned;
    const int wanted = std::min<int>(1 + random.Below(3), static_cast<int>(serving.size()));
    while (static_cast<int>(summoned.size()) < wanted) {
      const std::int64_t agency = serving[static_cast<std::size_t>(random.Below(static_cast<int>(serving.size())))];
      if (std::find(summoned.begin(), summoned.end(), agency) == summoned.end()) summoned.push_back(agency);
    }
    steps.push_back({"blown", street, std::nullopt, w.source, w.blown_at});
    if (!emergency && w.signed_off_at) steps.push_back({"signed_off", street, std::nullopt, "", signed_at});
    std::int64_t last_completed = w.dispatched_at.value_or(w.blown_at);
    std::vector<whistle::Response> parts;
    for (const std::int64_t agency : summoned) {
      whistle::Response part;
      part.agency.id = agency;
      if (w.dispatched_at) {
        part.arrival_due = *w.dispatched_at + kArrivalMinutes * 60;
        steps.push_back({"dispatched", street, agency, "30 分钟内到场", *w.dispatched_at});
        // One in six arrives late.
        const bool late = random.Below(6) == 0;
        const std::int64_t arrived = *w.dispatched_at + 60 * (late ? 31 + random.Below(40) : 5 + random.Below(25));
        if (arrived < now) {
          part.arrived_at = arrived;
          steps.push_back({"arrived", agency, std::nullopt, late ? "迟到" : "", arrived});
          const std::int64_t completed = arrived + 3600 + random.Below(2 * 86400);
          if (!open || completed < now - 3600 * random.Below(48)) {
            if (completed < now) {
              part.completed_at = completed;
              part.completion_text = "已完成处置";
              steps.push_back({"completed", agency, std::nullopt, part.completion_text, completed});
              last_completed = std::max(last_completed, completed);
            }
          }
        }
      }
      parts.push_back(std::move(part));
    }
    const bool all_complete =
        std::all_of(parts.begin(), parts.end(), [](const whistle::Response& p) { return p.completed_at.has_value(); });
    if (w.state == "closed" && !all_complete) w.state = "dispatched";
    if (emergency && w.signed_off_at) {
      steps.push_back({"signed_off", street, std::nullopt, "事后补签", signed_at});
    }
    if (w.state == "closed") {
      w.closed_at = std::max(last_completed, signed_at) + 1800;
      w.closing_text = "处置完毕";
      steps.push_back({"closed", street, std::nullopt, w.closing_text, *w.closed_at});
      for (whistle::Response& part : parts) {
        const bool late = part.IsLate(now);
        part.score = late ? 2 + random.Below(3) : 4 + random.Below(2);
        part.rated_at = *w.closed_at + 600;
        steps.push_back({"rated", street, part.agency.id, std::to_string(*part.score) + " 分",
                      *part.rated_at});
      }
    }
    load->AddWhistle(w, std::nullopt);
    for (const whistle::Response& part : parts) load->AddResponse(id, part);
    for (const PendingStep& step : steps) {
      load->AddStep(id, step.kind, step.org_id, std::nullopt, step.target_org_id, step.text, step.at);
    }
    ++counts.whistles;
  }

  // A power act for every ten whistles, over the year.
  const std::int64_t acts = whistles / 10;
  for (std::int64_t id = 1; id <= acts; ++id) {
    const std::int64_t street = streets[static_cast<std::size_t>(random.Below(static_cast<int>(streets.size())))];
    const std::vector<std::int64_t>& serving = agencies_of_street.at(street);
    std::vector<PendingStep> act_steps;
    whistle::PowerAct act;
    act.id = id;
    act.street.id = street;
    act.agency.id = serving[static_cast<std::size_t>(random.Below(static_cast<int>(serving.size())))];
    act.power = random.Pick(kPowers);
    act.subject = std::string(random.Pick(kSubjects)) + "事项";
    act.text = "街道依法行使职权，请派出机构按期答复。";
    act.acted_at = now - kYear + kYear * id / (acts + 1) + random.Below(3600);
    const std::string acted_on = core::ChinaDate(act.acted_at);
    act.response_due = core::AddDays(acted_on, 7);
    const std::int64_t due_at = core::ChinaDayStart(core::AddDays(act.response_due, 1)) - 1;
    act.state = "awaiting_answer";
    act_steps.push_back({"acted", street, std::nullopt, act.subject, act.acted_at});
    const std::int64_t answered = act.acted_at + 86400 * (1 + random.Below(random.Below(10) == 0 ? 14 : 6));
    if (answered < now && act.power != "personnel_recommendation") {
      act.state = "answered";
      act.answered_at = answered;
      act.answer = "已按街道要求落实。";
      act_steps.push_back({"answered", act.agency.id, std::nullopt, act.answer, answered});
    }
    const std::int64_t concluded = answered + 86400 * (1 + random.Below(5));
    if (concluded < now) {
      act.state = "concluded";
      act.outcome = random.Pick(kOutcomes);
      act.concluded_at = concluded;
      act_steps.push_back({"concluded", street, std::nullopt, *act.outcome, concluded});
    }
    load->AddPowerAct(act, due_at, std::nullopt);
    for (const PendingStep& step : act_steps) load->AddPowerActStep(id, step.kind, step.org_id, step.text, step.at);
    ++counts.power_acts;
  }
  load->Finish();
  transaction.Commit();
  core::log::Info("demo.scaled_whistles", {{"whistles", counts.whistles}, {"power_acts", counts.power_acts}});
  return counts;
}

}  // namespace liandong::app
