#include "app/demo_city.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"

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

  // Three members per community, with fake but valid ID numbers (GB 11643 check digits) and phones.
  static const char* const kNames[] = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周杰",
                                       "吴霞", "徐明", "孙丽", "马超", "朱琳", "胡军", "郭婷", "何平", "高峰"};
  int member_number = 0;
  const auto add_members = [&](const org::Org& community) {
    for (int i = 0; i < 3; ++i, ++member_number) {
      char first17[32];
      std::snprintf(first17, sizeof first17, "110101%04d%02d%02d%03d", 1960 + member_number % 40,
                    1 + member_number % 12, 1 + member_number % 28, member_number % 1000);
      member::MemberInput input;
      input.org_id = community.id;
      input.name = kNames[member_number % std::size(kNames)];
      input.gender = member_number % 2 == 0 ? "male" : "female";
      input.id_number = core::CompleteIdNumber(first17);
      input.phone = "139" + std::to_string(10000000 + member_number * 7919);
      input.education = member_number % 3 == 0 ? "本科" : "大专";
      input.joined_on = std::to_string(2000 + member_number % 20) + "-07-01";
      input.status = member_number % 7 == 0 ? "probationary" : "full";
      if (input.status == "full") input.full_member_on = std::to_string(2001 + member_number % 20) + "-07-01";
      input.in_service = member_number % 4 == 0;
      input.home_community_id = community.id;
      application.member_service().SeedMember(session, input);
    }
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
        add_members(community);
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
