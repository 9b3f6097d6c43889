#include "app/demo_city.hpp"
#include "app/demo_check_in.hpp"
#include "app/demo_workforce.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>

#include "app/demo_requests.hpp"
#include "app/demo_whistles.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "features/unit/unit_credit_code.hpp"

namespace liandong::app {
namespace {

struct DemoStreet {
  const char* name;
  std::vector<const char*> communities;
};

struct DemoDistrict {
  const char* name;
  const char* division;  // administrative division code, for the units' credit codes
  std::vector<DemoStreet> streets;
};

// How a demo unit is covered: its own branch, a joint branch (by name), an instructor (by name),
// nothing, or not eligible at all.
enum class DemoCoverage { kOwnOrg, kJointBranch, kInstructor, kNone, kNotEligible };

struct DemoUnit {
  const char* community;
  const char* name;
  const char* unit_kind;
  const char* industry;
  int staff_count;
  const char* legal_representative;
  DemoCoverage coverage;
  const char* coverer;  // the joint branch's or the instructor's name
  bool key_enterprise;
};

const std::vector<DemoUnit>& DemoUnits() {
  using enum DemoCoverage;
  static const std::vector<DemoUnit> units = {
      {"和平里社区", "和平科技有限公司", "private_enterprise", "软件和信息技术服务", 120, "张伟", kOwnOrg, "", true},
      {"和平里社区", "东城区第一人民医院", "public_institution", "卫生", 850, "李红", kOwnOrg, "", false},
      {"和平里社区", "和平里便民超市", "private_enterprise", "零售", 12, "王强", kNotEligible, "", false},
      {"和平里社区", "和平文化传媒工作室", "private_enterprise", "文化传媒", 5, "钱伟", kNotEligible, "", false},
      {"东风社区", "东风物流有限公司", "private_enterprise", "物流", 60, "赵磊", kJointBranch,
       "东风社区非公企业联合党支部", false},
      {"东风社区", "东风餐饮管理有限公司", "private_enterprise", "餐饮", 35, "孙丽", kJointBranch,
       "东风社区非公企业联合党支部", false},
      {"东风社区", "晨光律师事务所", "social_organisation", "法律服务", 18, "周敏", kInstructor, "刘建国", false},
      {"建设社区", "建设数码科技有限公司", "private_enterprise", "电子产品", 45, "吴刚", kNone, "", false},
      {"建设社区", "东城区税务局和平税务所", "government_agency", "税务", 40, "郭强", kOwnOrg, "", false},
      {"建设社区", "建设社区养老服务中心", "social_organisation", "养老服务", 15, "郑芳", kNone, "", false},
      {"建设社区", "国网东城供电公司和平营业厅", "state_enterprise", "电力", 30, "陈明", kOwnOrg, "", false},
      {"胜利社区", "胜利科技发展有限公司", "private_enterprise", "软件和信息技术服务", 200, "冯涛", kOwnOrg, "", true},
      {"胜利社区", "胜利中学", "public_institution", "教育", 150, "何静", kOwnOrg, "", false},
      {"朝阳社区", "朝阳家政服务有限公司", "private_enterprise", "家政服务", 25, "许娜", kNone, "", false},
      {"新华社区", "新华书店胜利门店", "state_enterprise", "图书零售", 20, "韩梅", kInstructor, "马红", false},
      {"新华社区", "新华志愿者协会", "social_organisation", "公益服务", 8, "曹阳", kNotEligible, "", false},
      {"光明社区", "光明建筑工程有限公司", "private_enterprise", "建筑", 300, "彭刚", kOwnOrg, "", true},
      {"长青社区", "长青物业管理有限公司", "private_enterprise", "物业管理", 40, "董洁", kJointBranch,
       "长青社区两新组织联合党支部", false},
      {"幸福社区", "幸福幼儿园", "social_organisation", "学前教育", 22, "袁芳", kJointBranch,
       "长青社区两新组织联合党支部", false},
      {"幸福社区", "幸福汽车维修店", "private_enterprise", "汽车维修", 6, "蒋勇", kNotEligible, "", false},
      {"团结社区", "西城区市场监督管理局团结所", "government_agency", "市场监管", 25, "邓超", kOwnOrg, "", false},
      {"友谊社区", "友谊商贸有限公司", "private_enterprise", "商贸", 55, "沈涛", kNone, "", false},
      {"振兴社区", "振兴软件科技有限公司", "private_enterprise", "软件和信息技术服务", 80, "杨帆", kInstructor, "林芳",
       true},
      {"振兴社区", "振兴社会工作服务中心", "social_organisation", "社会工作", 12, "谢婷", kNone, "", false},
  };
  return units;
}

// A valid-looking credit code: registration authority and category by kind, the district's
// division code, a serial number, and the check character.
std::string DemoCreditCode(const std::string& unit_kind, const std::string& division, int serial) {
  const std::string category = unit_kind == "government_agency"     ? "11"
                               : unit_kind == "public_institution"  ? "12"
                               : unit_kind == "social_organisation" ? "52"
                                                                    : "91";
  char number[16];
  std::snprintf(number, sizeof number, "%05d", serial);
  return unit::CompleteCreditCode(category + division + "MA0" + number + "X");
}

const std::vector<DemoDistrict>& DemoDistricts() {
  static const std::vector<DemoDistrict> districts = {
      {"东城区",
       "110101",
       {{"和平街道", {"和平里社区", "东风社区", "建设社区"}}, {"胜利街道", {"胜利社区", "朝阳社区", "新华社区"}}}},
      {"西城区",
       "110102",
       {{"光明街道", {"光明社区", "长青社区", "幸福社区"}}, {"团结街道", {"团结社区", "友谊社区", "振兴社区"}}}},
  };
  return districts;
}

}  // namespace

std::vector<DemoLogin> CreateDemoCity(Application& application, const core::Clock& clock) {
  const org::OrgService& orgs = application.org_service();
  const auth::AuthService& auth = application.auth_service();
  db::Session session(application.database());
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  if (orgs.CountOrgs(sql) > 0) return {};
  const std::int64_t now = clock.NowSeconds();

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
      input.id_number = core::CompleteIdNumber(first17);
      // The ID number's 17th digit is odd for a man and even for a woman (GB 11643).
      input.gender = (first17[16] - '0') % 2 == 1 ? "male" : "female";
      input.phone = "139" + std::to_string(10000000 + member_number * 7919);
      // The member form's own choices (web: MemberFormDialog's EDUCATIONS).
      static const char* const kEducations[] = {"大学本科", "大学专科", "研究生", "中专", "高中", "大学本科"};
      input.education = kEducations[member_number % std::size(kEducations)];
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
  std::map<std::string, org::Org> streets;
  std::map<std::string, org::Org> communities;
  std::map<std::string, std::string> divisions;  // community → its district's division code
  for (const DemoDistrict& district_data : DemoDistricts()) {
    const org::Org district = add(city.id, "district", "committee", district_data.name);
    if (logins.size() == 1) add_user(district, "district", "district.admin", district.name + "委组织部管理员");
    for (const DemoStreet& street_data : district_data.streets) {
      const org::Org street = add(district.id, "street", "working_committee", street_data.name);
      streets.emplace(street.name, street);
      if (logins.size() == 2) add_user(street, "street", "street.admin", street.name + "党建办管理员");
      for (std::size_t i = 0; i < street_data.communities.size(); ++i) {
        const org::Org community = add(street.id, "community", kCommunityKinds[i % 3], street_data.communities[i]);
        if (logins.size() == 3) add_user(community, "community", "community.admin", community.name + "党组织管理员");
        communities.emplace(community.name, community);
        divisions.emplace(community.name, district_data.division);
        for (const char* grid : {"第一网格党支部", "第二网格党支部"}) add(community.id, "grid", "branch", grid);
        add_members(community);
      }
    }
  }
  // The three separated administrators (三员分立), city-wide. Each must enrol a second factor at
  // the first login.
  add_user(city, "system", "sys.admin", "系统管理员");
  add_user(city, "security", "sec.admin", "安全管理员");
  add_user(city, "audit", "audit.admin", "审计管理员");
  // Resident units, with their own branches and joint branches as orgs of level "unit" under the
  // community (so that the tree counts them apart from communities and grids).
  const std::string unit_level(unit::kUnitOrgLevel);
  std::map<std::string, org::Org> joint_branches;
  std::map<std::string, std::int64_t> unit_ids;
  int serial = 0;
  for (const DemoUnit& data : DemoUnits()) {
    const org::Org& community = communities.at(data.community);
    unit::UnitFields fields;
    fields.name = data.name;
    fields.credit_code = DemoCreditCode(data.unit_kind, divisions.at(data.community), ++serial);
    fields.unit_kind = data.unit_kind;
    fields.industry = data.industry;
    fields.staff_count = data.staff_count;
    fields.legal_representative = data.legal_representative;
    fields.org_id = community.id;
    fields.eligible_for_org = data.coverage != DemoCoverage::kNotEligible;
    fields.key_enterprise = data.key_enterprise;
    if (data.coverage == DemoCoverage::kOwnOrg) {
      fields.own_org_id =
          orgs.SeedOrg(session, org::NewOrg{community.id, unit_level, "branch", std::string(data.name) + "党支部"}).id;
    } else if (data.coverage == DemoCoverage::kJointBranch) {
      auto branch = joint_branches.find(data.coverer);
      if (branch == joint_branches.end()) {
        branch =
            joint_branches
                .emplace(data.coverer,
                         orgs.SeedOrg(session, org::NewOrg{community.id, unit_level, "joint_branch", data.coverer}))
                .first;
      }
      fields.joint_branch_org_id = branch->second.id;
    } else if (data.coverage == DemoCoverage::kInstructor) {
      fields.instructor = data.coverer;
    }
    unit_ids.emplace(data.name, application.unit_service().SeedUnit(sql, fields, now).id);
    // The liaison of 和平科技有限公司 signs in as its own Party branch (role unit_admin): it reads
    // the agreements its company is a party to and files the company's quarterly reports.
    if (std::string_view(data.name) == "和平科技有限公司" && fields.own_org_id) {
      DemoLogin login{"liaison", "heping.tech", core::RandomPassword()};
      auth.CreateUser(sql, auth::NewUser{*fields.own_org_id, login.username, "和平科技有限公司党支部联络员",
                                         "unit_admin", login.password});
      logins.push_back(std::move(login));
    }
  }

  // 和平街道's joint committee (大工委), with part-time members from units in the street.
  const joint_committee::JointCommitteeService& committees = application.joint_committee_service();
  const std::int64_t committee_id =
      committees.SeedCommittee(sql, streets.at("和平街道").id, "street", "和平街道大工委", now);
  const struct {
    const char* person_name;
    const char* unit;
    const char* post;
    const char* term_start;
    std::optional<std::string> term_end;
  } members[] = {
      {"李红", "东城区第一人民医院", "兼职副书记", "2024-01-01", "2026-12-31"},
      {"张伟", "和平科技有限公司", "兼职委员", "2024-01-01", "2026-12-31"},
      {"陈明", "国网东城供电公司和平营业厅", "兼职委员", "2025-03-01", std::nullopt},
  };
  for (const auto& member : members) {
    committees.SeedMember(sql, committee_id,
                          joint_committee::MemberFields{member.person_name, unit_ids.at(member.unit), member.post, true,
                                                        member.term_start, member.term_end},
                          now);
  }
  // Street reform at different stages: 和平街道 done, 胜利街道 half-way, 光明街道 started, 团结街道 not yet.
  const auto powers = [](const std::vector<std::string_view>& names, const char* granted_on) {
    std::vector<street::PowerGrant> grants;
    for (std::string_view name : names) grants.push_back(street::PowerGrant{std::string(name), granted_on});
    return grants;
  };
  const street::StreetService& street_service = application.street_service();
  street_service.SeedProfile(
      sql,
      street::StreetProfile{
          streets.at("和平街道").id, true, "2024-03-01", "王志刚", "2024-04-15", true, "2024-06-30",
          powers(std::vector<std::string_view>(street::kStreetPowers.begin(), street::kStreetPowers.end()),
                 "2024-07-01")},
      now);
  street_service.SeedProfile(
      sql,
      street::StreetProfile{streets.at("胜利街道").id, true, "2024-09-10", "刘芳", "2025-01-06", false, std::nullopt,
                            powers({"disposal", "recommendation"}, "2025-03-01")},
      now);
  street_service.SeedProfile(
      sql,
      street::StreetProfile{streets.at("光明街道").id, true, "2025-05-20", "", std::nullopt, false, std::nullopt, {}},
      now);
  SeedDemoAgencies(application, session, streets, logins);
  SeedDemoWhistleCity(application, session, streets, logins, now);
  CreateDemoWorkforce(application, session, city, streets, communities, now);
  CreateDemoCheckIn(application, session, communities, unit_ids, logins, now);
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
