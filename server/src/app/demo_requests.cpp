#include "app/demo_requests.hpp"

#include "core/crypto.hpp"

namespace liandong::app {

void SeedDemoAgencies(const Application& application, db::Session& session,
                      const std::map<std::string, org::Org>& streets, std::vector<DemoLogin>& logins) {
  const struct {
    const char* name;
    const char* kind;
    std::vector<const char*> streets;  // the first one's district stations it
  } agencies[] = {
      {"和平派出所", "police_station", {"和平街道"}},
      {"胜利派出所", "police_station", {"胜利街道"}},
      {"东城区城管执法队", "urban_management", {"和平街道", "胜利街道"}},
      {"东城区市场监管所", "market_supervision", {"和平街道", "胜利街道"}},
      {"东城区房管所", "housing", {"和平街道", "胜利街道"}},
      {"光明派出所", "police_station", {"光明街道"}},
      {"西城区城管执法队", "urban_management", {"光明街道", "团结街道"}},
  };
  soci::session& sql = session.sql();
  std::map<std::string, std::int64_t> agency_ids;
  for (const auto& agency : agencies) {
    const org::Org& first = streets.at(agency.streets.front());
    org::NewOrg new_org;
    new_org.parent_id = first.parent_id;
    new_org.level = "agency";
    new_org.kind = "branch";
    new_org.name = agency.name;
    const org::Org created = application.org_service().SeedOrg(session, new_org);
    std::vector<std::int64_t> street_ids;
    for (const char* street : agency.streets) street_ids.push_back(streets.at(street).id);
    application.request_service().SeedAgency(sql, created.id, agency.kind, street_ids);
    agency_ids.emplace(agency.name, created.id);
  }
  const auth::AuthService& auth = application.auth_service();
  const std::int64_t city_id = *application.org_service().RootOrgId(sql);
  const struct {
    const char* role;
    const char* username;
    const char* display_name;
    const char* account_role;
    std::int64_t org_id;
  } users[] = {
      {"hotline", "hotline.operator", "12345热线受理员", "hotline_operator", city_id},
      {"agency", "police.staff", "和平派出所民警", "agency_staff", agency_ids.at("和平派出所")},
  };
  for (const auto& user : users) {
    DemoLogin login{user.role, user.username, core::RandomPassword()};
    auth.CreateUser(sql, auth::NewUser{user.org_id, user.username, user.display_name, user.account_role, login.password});
    logins.push_back(std::move(login));
  }
}

}  // namespace liandong::app
