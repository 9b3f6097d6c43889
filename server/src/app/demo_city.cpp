#include "app/demo_city.hpp"

#include <sys/stat.h>

#include <fstream>

#include "core/crypto.hpp"
#include "core/error.hpp"

namespace liandong::app {
namespace {

struct DemoStreet {
  const char* name;
  std::vector<const char*> communities;
};

struct DemoDistrict {
  const char* name;
  std::vector<DemoStreet> streets;
};

const std::vector<DemoDistrict>& DemoDistricts() {
  static const std::vector<DemoDistrict> districts = {
      {"东城区",
       {{"和平街道", {"和平里社区", "东风社区", "建设社区"}}, {"胜利街道", {"胜利社区", "朝阳社区", "新华社区"}}}},
      {"西城区",
       {{"光明街道", {"光明社区", "长青社区", "幸福社区"}}, {"团结街道", {"团结社区", "友谊社区", "振兴社区"}}}},
  };
  return districts;
}

}  // namespace

std::vector<DemoLogin> CreateDemoCity(Application& application, [[maybe_unused]] const core::Clock& clock) {
  const org::OrgService& orgs = application.org_service();
  const auth::AuthService& auth = application.auth_service();
  db::Session session(application.database());
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  if (orgs.CountOrgs(sql) > 0) return {};

  const auto add = [&](std::optional<std::int64_t> parent, const char* level, const char* kind, const char* name) {
    org::NewOrg new_org;
    new_org.parent_id = parent;
    new_org.level = level;
    new_org.kind = kind;
    new_org.name = name;
    return orgs.SeedOrg(session, new_org);
  };
  std::vector<DemoLogin> logins;
  const auto add_user = [&](const org::Org& org, const char* role, const char* username, std::string display_name) {
    DemoLogin login{role, username, core::RandomPassword()};
    auth.CreateUser(
        sql, auth::NewUser{org.id, username, std::move(display_name), std::string(role) + "_admin", login.password});
    logins.push_back(std::move(login));
  };

  const org::Org city = add(std::nullopt, "city", "committee", "示范市");
  add_user(city, "city", "city.admin", "示范市委组织部管理员");
  static const char* const kCommunityKinds[] = {"committee", "general_branch", "branch"};
  for (const DemoDistrict& district_data : DemoDistricts()) {
    const org::Org district = add(city.id, "district", "committee", district_data.name);
    if (logins.size() == 1) add_user(district, "district", "district.admin", district.name + "委组织部管理员");
    for (const DemoStreet& street_data : district_data.streets) {
      const org::Org street = add(district.id, "street", "working_committee", street_data.name);
      if (logins.size() == 2) add_user(street, "street", "street.admin", street.name + "党建办管理员");
      for (std::size_t i = 0; i < street_data.communities.size(); ++i) {
        const org::Org community = add(street.id, "community", kCommunityKinds[i % 3], street_data.communities[i]);
        if (logins.size() == 3) add_user(community, "community", "community.admin", community.name + "党组织管理员");
        for (const char* grid : {"第一网格党支部", "第二网格党支部"}) add(community.id, "grid", "branch", grid);
      }
    }
  }
  transaction.Commit();
  return logins;
}

void WriteDemoLogins(const std::filesystem::path& path, const std::vector<DemoLogin>& logins) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  const mode_t previous = ::umask(077);
  std::ofstream file(path, std::ios::trunc);
  ::umask(previous);
  if (!file) throw std::runtime_error("cannot write " + path.string());
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  for (const DemoLogin& login : logins) file << login.role << '\t' << login.username << '\t' << login.password << '\n';
}

}  // namespace liandong::app
