#include "app/scaled_requests.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <tuple>

#include "app/scaled_random.hpp"
#include "core/china_date.hpp"
#include "core/log.hpp"

namespace liandong::app {
namespace {

constexpr std::array<const char*, 5> kDistrictAgencies = {"urban_management", "market_supervision", "housing",
                                                          "environment", "human_resources"};
constexpr std::array<const char*, 5> kDistrictAgencyNames = {"城管执法队", "市场监管所", "房管所", "生态环境所",
                                                             "人力社保所"};
constexpr std::array<const char*, 12> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
constexpr std::int64_t kBatch = 100'000;  // requests per transaction

// A request's steps and extension, kept until its row is added (rows refer to it).
struct PendingStep {
  const char* kind;
  std::int64_t org_id;
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> target_org_id;
  std::string text;
  std::int64_t at;
};
struct PendingExtension {
  std::int64_t org_id, approver_org_id, days, asked_at, decided_at;
};

}  // namespace

ScaledRequestCounts AddScaledRequests(const Application& application, db::Session& session, const RequestCity& city,
                                      std::int64_t requests, std::int64_t now, std::uint64_t seed) {
  ScaledRequestCounts counts;
  Random random(seed);
  const request::RequestService& service = application.request_service();
  soci::session& sql = session.sql();

  // The agencies: org → its district; street → agency of each kind serving it.
  std::map<std::int64_t, std::int64_t> district_of_agency;
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> agency_of_street;
  std::map<std::int64_t, std::int64_t> street_of_community, district_of_street;
  {
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    int number = 0;
    for (const RequestCity::District& district : city.districts) {
      std::vector<std::int64_t> street_ids;
      for (const RequestCity::Street& street : district.streets) {
        street_ids.push_back(street.id);
        district_of_street[street.id] = district.id;
        for (const std::int64_t community : street.communities) street_of_community[community] = street.id;
        const org::Org station = application.org_service().SeedOrg(
            session, {district.id, "agency", "branch", "第" + std::to_string(++number) + "派出所", "", "", "",
                      std::nullopt, ""});
        service.SeedAgency(sql, station.id, "police_station", {street.id});
        agency_of_street[{street.id, "police_station"}] = station.id;
        district_of_agency[station.id] = district.id;
      }
      for (std::size_t k = 0; k < kDistrictAgencies.size(); ++k) {
        const org::Org agency = application.org_service().SeedOrg(
            session, {district.id, "agency", "branch",
                      "第" + std::to_string(district.id) + "区" + kDistrictAgencyNames[k], "", "", "", std::nullopt,
                      ""});
        service.SeedAgency(sql, agency.id, kDistrictAgencies[k], street_ids);
        for (const std::int64_t street : street_ids) agency_of_street[{street, kDistrictAgencies[k]}] = agency.id;
        district_of_agency[agency.id] = district.id;
      }
    }
    counts.agencies = static_cast<std::int64_t>(district_of_agency.size());
    application.org_service().RebuildLevelRollup(session);
    transaction.Commit();
  }

  const std::vector<request::Category> leaves = service.ListLeaves(sql);
  std::map<std::string, request::SlaClass> classes;
  for (const request::Category& leaf : leaves) {
    if (!classes.contains(*leaf.sla_class)) classes.emplace(*leaf.sla_class, *service.FindSlaClass(sql, *leaf.sla_class));
  }
  std::vector<std::int64_t> communities;
  for (const auto& [community, street] : street_of_community) communities.push_back(community);

  // The lineage of an owner, for the tallies.
  const auto lineage = [&](std::int64_t owner) {
    std::vector<std::int64_t> ids{city.city};
    if (const auto agency = district_of_agency.find(owner); agency != district_of_agency.end()) {
      ids.push_back(agency->second);
    } else if (const auto street = district_of_street.find(owner); street != district_of_street.end()) {
      ids.push_back(street->second);
    } else {
      const std::int64_t street_id = street_of_community.at(owner);
      ids.push_back(district_of_street.at(street_id));
      ids.push_back(street_id);
    }
    ids.push_back(owner);
    return ids;
  };
  std::map<std::tuple<std::int64_t, std::string, std::string>, std::int64_t> tallies;

  constexpr std::int64_t kYear = 365 * 86400;
  std::int64_t id = 0;
  while (id < requests) {
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    const std::unique_ptr<request::RequestBulkLoad> load = service.StartBulkLoad(session);
    const std::int64_t batch_end = std::min(requests, id + kBatch);
    std::vector<PendingStep> steps;
    std::optional<PendingExtension> extension;
    for (; id < batch_end; ) {
      ++id;
      steps.clear();
      extension.reset();
      const request::Category& leaf = leaves[static_cast<std::size_t>(random.Below(static_cast<int>(leaves.size())))];
      const request::SlaClass& sla = classes.at(*leaf.sla_class);
      const std::int64_t community = communities[static_cast<std::size_t>(random.Below(static_cast<int>(communities.size())))];
      const std::int64_t street = street_of_community.at(community);
      // Received over the year, evenly: ids grow with time.
      const std::int64_t received = now - kYear + kYear * id / (requests + 1) + random.Below(600);
      request::RequestRecord record;
      request::Request& r = record.request;
      r.id = id;
      r.channel = random.Below(100) < 85 ? "hotline" : "street";
      r.category_id = leaf.id;
      r.title = leaf.name + "问题反映";
      r.description = "来电人反映：" + leaf.full_name + "方面的问题，希望尽快处理。";
      r.address = "";
      r.resident_name_masked = std::string(kSurnames[static_cast<std::size_t>(random.Below(12))]) + "**";
      r.resident_phone_masked = "13" + std::to_string(random.Below(10)) + "****" + std::to_string(1000 + random.Below(9000));
      r.received_at = received;
      r.received_month = core::ChinaDate(received).substr(0, 7);
      std::int64_t owner = community;
      if (*leaf.owner_kind == "street") owner = street;
      if (*leaf.owner_kind == "agency") {
        const auto agency = agency_of_street.find({street, *leaf.agency_kind});
        owner = agency == agency_of_street.end() ? street : agency->second;
      }
      record.territory_org_id = community;
      record.first_receiver_org_id = city.city;
      const std::int64_t age = now - received;
      // Returned: 5% of those a community owned first go to its street.
      const bool returned = owner == community && random.Below(100) < 5;
      r.dispatched_at = received + 60;
      steps.push_back(PendingStep{"received", city.city, city.hotline_user, std::nullopt, r.channel, received});
      steps.push_back(PendingStep{"dispatched", city.city, city.hotline_user, owner, "", received + 60});
      std::int64_t at = received + 60;
      if (returned) {
        at += 1800 + random.Below(7200);
        steps.push_back(PendingStep{"returned", owner, std::nullopt, street, "属街道统筹事项", at});
        owner = street;
        r.return_count = 1;
        r.arrived_by_return = true;
        r.dispatched_at = at;
      }
      record.owner_org_id = owner;
      r.sign_for_due = r.dispatched_at + sla.sign_for_minutes * 60;
      r.contact_due = received + sla.contact_minutes * 60;
      r.resolution_due = received + sla.resolution_minutes * 60;
      const auto fraction = [&](std::int64_t minutes, int percent) {
        return minutes * 60 * percent / 100;
      };
      // How far it got: the older, the further. 2% of those past their deadline are still open.
      const bool sign_late = random.Below(100) < 4;
      const std::int64_t signed_at = r.dispatched_at + (sign_late ? sla.sign_for_minutes * 60 + 600
                                                                  : fraction(sla.sign_for_minutes, 10 + random.Below(80)));
      const bool contact_late = random.Below(100) < 8;
      const std::int64_t contacted_at = std::max(signed_at + 60, received + (contact_late
                                                                                 ? sla.contact_minutes * 60 + 3600
                                                                                 : fraction(sla.contact_minutes, 20 + random.Below(70))));
      const bool extended = random.Below(100) < 3 && sla.max_extension_days > 0;
      if (extended) r.extension_days = 1 + random.Below(static_cast<int>(sla.max_extension_days));
      const bool reply_late = random.Below(100) < 9;
      const std::int64_t due = r.resolution_due + r.extension_days * 86400;
      const std::int64_t replied_at = std::max(contacted_at + 60, reply_late ? due + 3600 + random.Below(3 * 86400)
                                                                              : received + (due - received) * (20 + random.Below(75)) / 100);
      const std::int64_t rated_at = replied_at + 3600 + random.Below(86400);
      const bool stuck = random.Below(100) < 2;
      r.state = "dispatched";
      if (now > signed_at) {
        r.signed_at = signed_at;
        r.state = "in_hand";
        steps.push_back(PendingStep{"signed", owner, std::nullopt, std::nullopt, "", signed_at});
      }
      if (now > contacted_at && r.signed_at) {
        r.contacted_at = contacted_at;
        steps.push_back(PendingStep{"contacted", owner, std::nullopt, std::nullopt, "已电话联系来电人", contacted_at});
      }
      if (extended && r.signed_at) {
        r.resolution_due = due;
        const std::int64_t parent = owner == community ? street : (district_of_agency.contains(owner) ? district_of_agency.at(owner) : district_of_street.at(street));
        extension = PendingExtension{owner, parent, r.extension_days, *r.signed_at + 600, *r.signed_at + 3600};
        steps.push_back(PendingStep{"extension_asked", owner, std::nullopt, parent, "需协调多方处理", *r.signed_at + 600});
        steps.push_back(PendingStep{"extension_approved", parent, std::nullopt, owner, "同意", *r.signed_at + 3600});
      }
      if (now > replied_at && r.contacted_at && !(stuck && age > 20 * 86400)) {
        r.replied_at = replied_at;
        r.reply = "已处理完毕并答复来电人。";
        r.state = "replied";
        steps.push_back(PendingStep{"replied", owner, std::nullopt, std::nullopt, r.reply, replied_at});
      }
      if (r.replied_at && now > rated_at) {
        const int pick = random.Below(100);
        r.satisfaction = pick < 75 ? "satisfied" : pick < 90 ? "basically_satisfied" : "unsatisfied";
        r.resolved = random.Below(100) < (pick < 75 ? 96 : pick < 90 ? 80 : 25);
        r.rated_at = rated_at;
        r.closed_at = rated_at;
        r.state = "closed";
        steps.push_back(PendingStep{"rated", city.city, city.hotline_user, std::nullopt, *r.satisfaction, rated_at});
        // A quarter of the unsatisfied are reopened once, and handled again.
        if (*r.satisfaction == "unsatisfied" && random.Below(4) == 0 && now > rated_at + 3 * 86400) {
          steps.push_back(PendingStep{"reopened", city.city, city.hotline_user, owner, "居民不满意", rated_at + 600});
          r.reopen_count = 1;
          r.dispatched_at = rated_at + 600;
          r.signed_at = rated_at + 1200;
          r.contacted_at = rated_at + 1800;
          r.contact_due = rated_at + 600 + sla.contact_minutes * 60;
          r.resolution_due = rated_at + 600 + sla.resolution_minutes * 60;
          r.sign_for_due = rated_at + 600 + sla.sign_for_minutes * 60;
          r.replied_at = rated_at + 2 * 86400;
          r.rated_at = rated_at + 2 * 86400 + 3600;
          r.closed_at = r.rated_at;
          r.satisfaction = random.Below(100) < 70 ? "satisfied" : "basically_satisfied";
          r.resolved = true;
          steps.push_back(PendingStep{"signed", owner, std::nullopt, std::nullopt, "", *r.signed_at});
          steps.push_back(PendingStep{"replied", owner, std::nullopt, std::nullopt, "重办完毕", *r.replied_at});
          steps.push_back(PendingStep{"rated", city.city, city.hotline_user, std::nullopt, *r.satisfaction, *r.rated_at});
        }
      }
      if (!r.replied_at && now > r.resolution_due) {
        r.warned_at = r.resolution_due - sla.warning_minutes * 60;
        r.escalated_at = r.resolution_due + 60;
      }
      load->AddRequest(record, city.hotline_user);
      for (const PendingStep& step : steps) {
        load->AddStep(id, step.kind, step.org_id, step.user_id, step.target_org_id, step.text, step.at);
      }
      if (extension) {
        load->AddExtension(id, extension->org_id, extension->approver_org_id, extension->days, "需协调多方处理",
                           extension->asked_at, extension->decided_at);
      }
      // The owner's lineage and the territory's, each org once (RequestService::TallyOrgsOf).
      std::vector<std::int64_t> counted = lineage(owner);
      for (const std::int64_t org : lineage(community)) {
        if (std::find(counted.begin(), counted.end(), org) == counted.end()) counted.push_back(org);
      }
      for (const std::string& item : request::RequestService::TallyItemsOf(r)) {
        for (const std::int64_t org : counted) ++tallies[{org, r.received_month, item}];
      }
    }
    load->Finish();
    transaction.Commit();
    core::log::Info("demo.scaled_requests", {{"requests", id}});
  }
  counts.requests = id;
  {
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    const std::unique_ptr<request::RequestBulkLoad> load = service.StartBulkLoad(session);
    for (const auto& [key, count] : tallies) load->AddTally(std::get<0>(key), std::get<1>(key), std::get<2>(key), count);
    load->Finish();
    long long steps = 0;
    sql << "SELECT COUNT(*) FROM request_step", soci::into(steps);
    counts.steps = steps;
    transaction.Commit();
  }
  return counts;
}

}  // namespace liandong::app
