#include "app/scaled_city.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <future>
#include <map>
#include <memory>
#include <string>

#include "app/scaled_check_in.hpp"
#include "app/scaled_cobuild.hpp"
#include "app/scaled_cobuild_lists.hpp"
#include "app/scaled_random.hpp"
#include "app/scaled_requests.hpp"
#include "app/scaled_joint_meetings.hpp"
#include "app/scaled_key_enterprises.hpp"
#include "app/scaled_whistles.hpp"
#include "app/scaled_workforce.hpp"
#include "core/china_date.hpp"
#include "core/crypto.hpp"
#include "core/identity.hpp"
#include "core/log.hpp"
#include "core/text_search.hpp"
#include "db/bulk_insert.hpp"
#include "features/cobuild_overview/tally.hpp"
#include "features/unit/unit_credit_code.hpp"
#include "features/unit/unit_model.hpp"

namespace liandong::app {
namespace {

// The shape of a generated city. Counts below the street are per parent.
struct CityShape {
  int districts;
  int streets;      // in all, spread over the districts
  int communities;  // in all, spread over the streets
  int grids_per_community;
  int units_per_community;
  std::int64_t members;  // about this many
  int login_users;       // kept for the login benchmark
  int tasks;             // city tasks, each cascaded to every community
};

constexpr CityShape kCityShape{6, 30, 500, 5, 12, 250'000, 32, 20};
constexpr CityShape kMegacityShape{16, 300, 5000, 5, 12, 2'500'000, 64, 200};
constexpr std::uint64_t kSeed = 0x4c69616e646f6e67;  // "Liandong"

std::uint64_t Mix(std::uint64_t a, std::uint64_t b) { return Random(a * 0x100000001b3 ^ b).Next(); }

// Administrative division codes, one per district (used in ID numbers and credit codes).
constexpr std::array<const char*, 16> kDivisions = {"110101", "110102", "110105", "110106", "110107", "110108",
                                                    "110109", "110111", "110112", "110113", "110114", "110115",
                                                    "110116", "110117", "110118", "110119"};
constexpr std::array<const char*, 16> kDistrictNames = {"东城区", "西城区", "南城区", "北城区", "中山区", "江北区",
                                                        "江南区", "新城区", "滨海区", "高新区", "湖滨区", "青山区",
                                                        "金水区", "长宁区", "永安区", "云台区"};
// Two-character words for street, community and unit names.
constexpr std::array<const char*, 48> kWords = {
    "和平", "胜利", "光明", "团结", "友谊", "振兴", "建设", "朝阳", "新华", "长青", "幸福", "东风",
    "解放", "人民", "文化", "育才", "华山", "泰山", "黄河", "长江", "安定", "永定", "兴隆", "富强",
    "民主", "和谐", "春晖", "秋实", "翠微", "金台", "银河", "玉泉", "紫竹", "青年", "红星", "曙光",
    "前进", "向阳", "天河", "龙潭", "凤凰", "百花", "桃源", "松柏", "梅林", "荷塘", "书院", "鼓楼"};
constexpr std::array<const char*, 6> kCommunitySuffixes = {"社区", "里社区", "苑社区", "园社区", "家园社区", "路社区"};
constexpr std::array<const char*, 8> kPhonePrefixes = {"130", "135", "138", "139", "150", "158", "186", "189"};
constexpr std::array<const char*, 3> kCommunityKinds = {"committee", "general_branch", "branch"};

// Surnames weighted roughly by frequency (per mille of the population), and given-name characters.
struct Surname {
  const char* text;
  int weight;
};
constexpr std::array<Surname, 40> kSurnames = {
    {{"王", 71}, {"李", 70}, {"张", 68}, {"刘", 54}, {"陈", 45}, {"杨", 31}, {"黄", 22}, {"赵", 22},
     {"吴", 20}, {"周", 19}, {"徐", 16}, {"孙", 15}, {"马", 15}, {"朱", 14}, {"胡", 13}, {"郭", 12},
     {"何", 12}, {"高", 11}, {"林", 11}, {"罗", 10}, {"郑", 10}, {"梁", 9},  {"谢", 8},  {"宋", 8},
     {"唐", 7},  {"许", 7},  {"韩", 7},  {"冯", 7},  {"邓", 7},  {"曹", 7},  {"彭", 6},  {"曾", 6},
     {"肖", 6},  {"田", 6},  {"董", 6},  {"袁", 5},  {"潘", 5},  {"于", 5},  {"蒋", 5},  {"蔡", 5}}};
constexpr std::array<const char*, 60> kGivenCharacters = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
    "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "文", "辉", "建", "国",
    "红", "飞", "鹏", "宇", "浩", "婷", "雪", "琳", "晨", "欣", "海", "波", "斌", "峰", "林",
    "云", "燕", "丹", "宁", "志", "新", "春", "梅", "凤", "荣", "亮", "成", "龙", "庆", "佳"};

struct Education {
  const char* text;
  int percent;
};
constexpr std::array<Education, 5> kEducations = {
    {{"研究生", 8}, {"本科", 35}, {"大专", 22}, {"高中", 15}, {"初中及以下", 20}}};

// Unit kinds with their credit-code category, typical names and staff.
struct UnitKind {
  const char* kind;
  const char* category;  // registration authority and category (GB 32100)
  int percent;
  std::array<const char*, 5> trades;  // name part, also the industry
  const char* suffix;
  int min_staff, max_staff;
};
constexpr std::array<UnitKind, 5> kUnitKinds = {{
    {"private_enterprise", "91", 55, {"科技", "商贸", "物流", "餐饮", "建筑"}, "有限公司", 3, 400},
    {"social_organisation",
     "52",
     15,
     {"志愿者协会", "社会工作服务中心", "养老服务中心", "商会", "慈善协会"},
     "",
     3,
     60},
    {"state_enterprise", "91", 10, {"电力", "燃气", "银行", "邮政", "通信"}, "营业部", 20, 300},
    {"public_institution", "12", 12, {"中学", "小学", "医院", "幼儿园", "卫生服务中心"}, "", 20, 900},
    {"government_agency", "11", 8, {"税务所", "市场监管所", "司法所", "社保所", "城管执法队"}, "", 15, 80},
}};

std::string PersonName(Random& random) {
  int total = 0;
  for (const Surname& surname : kSurnames) total += surname.weight;
  int pick = random.Below(total);
  std::string name;
  for (const Surname& surname : kSurnames) {
    if (pick < surname.weight) {
      name = surname.text;
      break;
    }
    pick -= surname.weight;
  }
  name += random.Pick(kGivenCharacters);
  if (random.Below(4) != 0) name += random.Pick(kGivenCharacters);  // three quarters have two characters
  return name;
}

// Days since 1970-01-01 → "YYYY-MM-DD" and its digits (Howard Hinnant's civil_from_days).
struct Date {
  int year, month, day;
};
Date CivilFromDays(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}
std::string IsoDate(int year, int month, int day) {
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

// Birth dates run over these days: members aged about 19 to 85.
constexpr std::int64_t kFirstBirthDay = -10'592;  // 1941-01-01
constexpr std::int64_t kBirthDays = 24'105;       // to 2006-12-31
constexpr std::int64_t kBirthStride = 7'919;      // a prime that does not divide kBirthDays

// An org that members belong to, with what their records refer to.
struct MemberHolder {
  std::int64_t org_id;
  std::int64_t community_id;
  std::int64_t employer_unit_id;  // 0: none
  int district;
  int count;
  std::int64_t first_in_district;  // the index, within the district, of its first member
};

// A member row ready for the database, identifiers encrypted.
struct MemberRow {
  std::int64_t id, org_id, community_id, employer_unit_id;
  std::string name, name_grams, gender, birth_date, id_cipher, id_index, id_masked, phone_cipher, phone_index,
      phone_masked, joined_on, full_member_on;
  const char* education;
  const char* status;
  int in_service;
};

// The members of holders [begin, end), numbered from `first_id`; the same input gives the same
// people (only the ciphertexts' random IVs differ between runs, as in production).
std::vector<MemberRow> MakeMembers(const core::FieldCipher& cipher, const std::vector<MemberHolder>& holders,
                                   std::size_t begin, std::size_t end, std::int64_t first_id) {
  std::vector<MemberRow> rows;
  std::int64_t id = first_id;
  for (std::size_t h = begin; h < end; ++h) {
    const MemberHolder& holder = holders[h];
    Random random(Mix(kSeed, 1'000'000 + h));
    for (int i = 0; i < holder.count; ++i, ++id) {
      MemberRow row;
      row.id = id;
      row.org_id = holder.org_id;
      row.community_id = holder.community_id;
      row.employer_unit_id = holder.employer_unit_id;
      row.name = PersonName(random);
      row.name_grams = core::SearchGrams(row.name);
      // A unique ID number per district: the birth day walks all days with a prime stride, and
      // the sequence number counts the rounds (its parity is the gender, as GB 11643 says).
      const std::int64_t index = holder.first_in_district + i;
      const std::int64_t day = (index * kBirthStride + 17) % kBirthDays;
      const bool male = random.Below(2) == 0;
      const int sequence = static_cast<int>(index / kBirthDays) * 2 + (male ? 1 : 0);
      const Date birth = CivilFromDays(kFirstBirthDay + day);
      char first17[64];
      std::snprintf(first17, sizeof first17, "%s%04d%02d%02d%03d",
                    kDivisions[static_cast<std::size_t>(holder.district)], birth.year, birth.month, birth.day,
                    sequence % 1000);
      const std::string id_number = core::CompleteIdNumber(first17);
      row.gender = male ? "male" : "female";
      row.birth_date = IsoDate(birth.year, birth.month, birth.day);
      row.id_cipher = cipher.Encrypt(id_number);
      row.id_index = cipher.BlindIndex(id_number);
      row.id_masked = core::MaskIdNumber(id_number);
      char phone[16];
      std::snprintf(phone, sizeof phone, "%s%08d", random.Pick(kPhonePrefixes), random.Below(100'000'000));
      row.phone_cipher = cipher.Encrypt(phone);
      row.phone_index = cipher.BlindIndex(phone);
      row.phone_masked = core::MaskPhone(phone);
      int pick = random.Below(100);
      row.education = kEducations.back().text;
      for (const Education& education : kEducations) {
        if (pick < education.percent) {
          row.education = education.text;
          break;
        }
        pick -= education.percent;
      }
      const int joined_year = std::min(2025, birth.year + 18 + random.Below(std::max(1, 2025 - birth.year - 18)));
      const bool probationary = joined_year == 2025 || random.Below(50) == 0;
      row.joined_on = IsoDate(probationary ? 2025 : joined_year, 1 + random.Below(12), 1 + random.Below(28));
      row.status = probationary ? "probationary" : "full";
      if (!probationary) row.full_member_on = IsoDate(std::stoi(row.joined_on.substr(0, 4)) + 1, 7, 1);
      row.in_service = random.Below(100) < 45 ? 1 : 0;
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

// An id where 0 means none.
std::optional<std::int64_t> OptionalId(std::int64_t id) {
  return id == 0 ? std::nullopt : std::optional<std::int64_t>(id);
}

// Loads the orgs, units and users of the city and returns the orgs that hold members.
class CityBuilder {
 public:
  CityBuilder(const org::OrgService& org_service, db::Session& session, std::int64_t now)
      : orgs_(org_service.StartBulkLoad(session, now)) {}

  struct OrgNode {
    std::int64_t id;
    std::string path;
    int depth;
    std::string name;
  };

  OrgNode AddOrg(const OrgNode* parent, const char* level, const char* kind, std::string name) {
    OrgNode node{++last_org_id_, "", parent ? parent->depth + 1 : 0, std::move(name)};
    node.path = (parent ? parent->path : "/") + std::to_string(node.id) + "/";
    orgs_->Add(node.id, parent ? std::optional<std::int64_t>(parent->id) : std::nullopt, node.path, level, node.depth,
               kind, node.name);
    return node;
  }

  db::BulkInserter& orgs() { return orgs_->rows(); }

  void Finish() { orgs_->Finish(); }

  std::int64_t org_count() const { return last_org_id_; }

 private:
  std::unique_ptr<org::OrgBulkLoad> orgs_;
  std::int64_t last_org_id_ = 0;
};

struct LevelUser {
  std::string role;     // the label in the logins file
  std::string db_role;  // the role the account holds
  std::int64_t org_id;
  std::string username;
  std::string display_name;
};

// The city's tree down to the communities, and the user of each org there, for the tasks.
struct TaskTree {
  struct Street {
    std::int64_t id;
    std::vector<std::int64_t> communities;
  };
  struct District {
    std::int64_t id;
    std::vector<Street> streets;
  };
  std::int64_t city = 0;
  std::string city_name;
  std::vector<District> districts;
  std::map<std::int64_t, std::int64_t> user_of_org;
};

constexpr std::array<const char*, 10> kTaskTitles = {
    "开展主题党日活动",       "报送党组织换届情况", "推进街道大工委共建项目", "落实在职党员到社区报到",
    "开展两新组织党建覆盖排查", "整改基层党建述职问题", "完成社区工作者培训",     "更新党员信息台账",
    "开展党建引领基层治理调研", "报送党费收缴情况"};

// One node of a generated task: its roll-up is computed here the way TaskService::RollUp does
// (floor of the weighted mean of the children, done at 100 % when the last child is done).
struct GeneratedNode {
  std::int64_t id;
  std::int64_t parent_id;  // 0 for the root
  std::int64_t org_id;
  int weight;
  int progress = 0;
  std::string state = "open";
  std::int64_t completed_at = 0;
  int child_count = 0;
};

// ~200 city tasks (20 in the city set) over the past year, each to every community through the
// districts and streets, as TaskService::Issue cascades them: nodes, "assigned" events and inbox
// messages. Communities report: of a task past its deadline most are done, most of them on time,
// the rest half done or not started (and already told they are late); of a running task some are
// done, some half done, some waiting for their street's review. Accepted reports roll up.
void AddTasks(const Application& application, db::Session& session, const TaskTree& tree, int tasks, std::int64_t now,
              Random& random, std::int64_t& task_count, std::int64_t& node_count) {
  const std::unique_ptr<task::TaskBulkLoad> load = application.task_service().StartBulkLoad(session);
  const std::unique_ptr<notification::NotificationBulkLoad> notices =
      application.notification_service().StartBulkLoad(session);
  const std::string today = core::ChinaDate(now);
  const std::int64_t city_user = tree.user_of_org.at(tree.city);
  const std::string assigned_by = "由" + tree.city_name + "下达";
  std::int64_t node_id = 0, report_id = 0;
  for (int t = 0; t < tasks; ++t) {
    const std::int64_t task_id = t + 1;
    const std::int64_t created_at = now - static_cast<std::int64_t>(365 - 360 * t / tasks) * 86400 -
                                    random.Below(8 * 3600);
    const std::array<int, 4> spans = {15, 30, 45, 60};
    const std::string deadline = core::AddDays(core::ChinaDate(created_at), random.Pick(spans));
    const std::int64_t deadline_end = core::ChinaDayStart(core::AddDays(deadline, 1));  // late from here on
    const bool past = deadline < today;
    const int weight = 1 + random.Below(10);
    const std::string title =
        std::string(kTaskTitles[static_cast<std::size_t>(t % kTaskTitles.size())]) + "（第" + std::to_string(t + 1) + "批）";
    load->AddTask(task_id, tree.city, title, "请各级党组织按要求落实，按期上报进展和佐证材料。", deadline, weight,
                  city_user, created_at);

    // The nodes, level by level, and the communities' reports.
    std::vector<GeneratedNode> all;
    all.push_back({++node_id, 0, tree.city, weight});
    struct Child {
      std::size_t node;
      std::vector<std::size_t> children;
    };
    std::vector<Child> districts;
    std::vector<Child> streets;
    for (const TaskTree::District& district : tree.districts) {
      const std::size_t district_node = all.size();
      all.push_back({++node_id, all[0].id, district.id, 1});
      districts.push_back({district_node, {}});
      for (const TaskTree::Street& street : district.streets) {
        const std::size_t street_node = all.size();
        all.push_back({++node_id, all[district_node].id, street.id, 1});
        districts.back().children.push_back(street_node);
        streets.push_back({street_node, {}});
        for (const std::int64_t community : street.communities) {
          streets.back().children.push_back(all.size());
          all.push_back({++node_id, all[street_node].id, community, 1});
        }
      }
    }
    struct Report {
      std::size_t node;
      std::size_t street;
      int percent;
      std::string state;
      std::int64_t reported_at;
      std::int64_t reviewed_at;
    };
    std::vector<Report> made;
    const std::int64_t span = std::max<std::int64_t>(deadline_end - created_at, 86400);
    const std::int64_t window = std::min(now, deadline_end) - created_at;  // time the communities had so far
    for (const Child& street : streets) {
      for (const std::size_t index : street.children) {
        GeneratedNode& node = all[index];
        const int pick = random.Below(100);
        const double elapsed = static_cast<double>(window) / static_cast<double>(span);
        const int done_share = past ? 88 : static_cast<int>(60 * elapsed);
        const int late_share = past ? 8 : 0;
        const int half_share = past ? 7 : 20;
        const int waiting_share = past ? 1 : 10;
        if (pick < done_share) {
          const bool late = pick < late_share;
          node.completed_at = late ? deadline_end + random.Below(static_cast<int>(std::max<std::int64_t>(
                                                        1, std::min<std::int64_t>(now - deadline_end, 20 * 86400))))
                                   : created_at + 3600 + random.Below(static_cast<int>(std::max<std::int64_t>(
                                                             1, std::min(window, span) - 7200)));
          node.progress = 10000;
          node.state = "done";
          made.push_back({index, street.node, 100, "accepted", node.completed_at - 3600 - random.Below(86400),
                          node.completed_at});
        } else if (pick < done_share + half_share) {
          const std::int64_t reviewed = created_at + random.Below(static_cast<int>(std::max<std::int64_t>(1, window)));
          node.progress = 5000;
          made.push_back({index, street.node, 50, "accepted", reviewed - 600, reviewed});
        } else if (pick < done_share + half_share + waiting_share) {
          node.state = "reported";
          made.push_back({index, street.node, 100, "pending", now - random.Below(3 * 86400), 0});
        }
      }
    }
    // Roll-up: communities → streets → districts → the city.
    const auto roll_up = [&all](std::vector<Child>& parents) {
      for (const Child& parent : parents) {
        GeneratedNode& node = all[parent.node];
        std::int64_t weighted = 0, weights = 0, last = 0;
        for (const std::size_t child : parent.children) {
          weighted += static_cast<std::int64_t>(all[child].weight) * all[child].progress;
          weights += all[child].weight;
          last = std::max(last, all[child].completed_at);
        }
        node.child_count = static_cast<int>(parent.children.size());
        node.progress = weights == 0 ? 0 : static_cast<int>(weighted / weights);
        if (node.progress == 10000) {
          node.state = "done";
          node.completed_at = last;
        }
      }
    };
    roll_up(streets);
    roll_up(districts);
    std::vector<Child> root{{0, {}}};
    for (const Child& district : districts) root[0].children.push_back(district.node);
    roll_up(root);

    for (const GeneratedNode& node : all) {
      const bool late = node.completed_at == 0 && past;
      const std::int64_t told = late ? deadline_end : 0;
      // The sweep escalates from the third day after the deadline (task_escalation_days = 3).
      const std::int64_t escalate_from = core::ChinaDayStart(core::AddDays(deadline, 3));
      const std::int64_t escalated = late && now >= escalate_from ? escalate_from : 0;
      task::BulkAssignment row;
      row.id = node.id;
      row.task_id = task_id;
      row.parent_id = OptionalId(node.parent_id);
      row.org_id = node.org_id;
      row.deadline = deadline;
      row.weight = node.weight;
      row.progress = node.progress;
      row.state = node.state;
      row.child_count = node.child_count;
      row.completed_at = OptionalId(node.completed_at);
      if (node.completed_at != 0) row.completed_on = core::ChinaDate(node.completed_at);
      row.overdue_notified_at = OptionalId(told);
      row.escalated_at = OptionalId(escalated);
      row.created_at = created_at;
      load->AddAssignment(row);
      if (node.parent_id == 0) {
        load->AddEvent(node.id, "decomposed", tree.city, city_user, std::nullopt,
                       "下达至 " + std::to_string(all.size() - 1 - districts.size() - streets.size()) + " 个组织",
                       created_at);
        continue;
      }
      load->AddEvent(node.id, "assigned", tree.city, city_user, std::nullopt, assigned_by, created_at);
      notices->Add({node.org_id, "assigned", "新任务：" + title, tree.city_name + "下达，截止 " + deadline,
                    "/tasks/assignments/" + std::to_string(node.id)},
                   created_at);
    }
    for (const Report& report : made) {
      const GeneratedNode& node = all[report.node];
      const GeneratedNode& street = all[report.street];
      const std::int64_t reporter = tree.user_of_org.at(node.org_id);
      const std::int64_t reviewer = tree.user_of_org.at(street.org_id);
      const bool accepted = report.state == "accepted";
      load->AddReport(++report_id, node.id, report.percent, "已按要求完成，佐证材料见附件。", report.state, reporter,
                      report.reported_at, accepted ? std::optional<std::int64_t>(reviewer) : std::nullopt,
                      accepted ? std::optional<std::int64_t>(report.reviewed_at) : std::nullopt);
      load->AddEvent(node.id, "reported", node.org_id, reporter, report_id,
                     "上报进展 " + std::to_string(report.percent) + "%", report.reported_at);
      if (accepted) {
        load->AddEvent(node.id, "accepted", street.org_id, reviewer, report_id,
                       "审核通过，进展 " + std::to_string(report.percent) + "%", report.reviewed_at);
      } else {
        notices->Add({street.org_id, "reported", "待审核：" + title, "上报进展 100%",
                      "/tasks/assignments/" + std::to_string(node.id)},
                     report.reported_at);
      }
    }
  }
  load->Finish();
  notices->Finish();
  task_count = tasks;
  node_count = node_id;
}

}  // namespace

std::optional<DemoScale> ParseDemoScale(std::string_view text) {
  if (text == "demo") return DemoScale::kDemo;
  if (text == "city") return DemoScale::kCity;
  if (text == "megacity") return DemoScale::kMegacity;
  return std::nullopt;
}

std::vector<DemoLogin> CreateScaledCity(Application& application, const core::Clock& clock, DemoScale scale,
                                        ScaledCityCounts& counts) {
  const CityShape& shape = scale == DemoScale::kMegacity ? kMegacityShape : kCityShape;
  db::Session session(application.database());
  const bool sqlite = session.dialect() == db::Dialect::kSqlite;
  soci::session& sql = session.sql();
  if (application.org_service().CountOrgs(sql) > 0) return {};
  const std::int64_t now = clock.NowSeconds();
  // A large page cache keeps the random-order index inserts (blind indexes) in memory.
  if (sqlite) sql << "PRAGMA cache_size = -524288";

  std::vector<MemberHolder> holders;
  std::vector<LevelUser> users;
  TaskTree tree;
  Random random(kSeed + static_cast<std::uint64_t>(scale));
  {
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    CityBuilder builder(application.org_service(), session, now);
    const std::unique_ptr<unit::UnitBulkLoad> units = application.unit_service().StartBulkLoad(session, now);
    units->rows().FlushFirst(builder.orgs());  // units refer to their own and joint branches
    const std::string unit_level(unit::kUnitOrgLevel);
    std::int64_t unit_id = 0;
    const auto add_user = [&](const char* role, const CityBuilder::OrgNode& org, std::string username) {
      users.push_back(LevelUser{role, std::string(role) + "_admin", org.id, std::move(username), org.name + "管理员"});
    };

    const CityBuilder::OrgNode city = builder.AddOrg(nullptr, "city", "committee", "示范市");
    add_user("city", city, "city.admin");
    users.push_back(LevelUser{"hotline", "hotline_operator", city.id, "hotline.operator", "12345热线受理员"});
    tree.city = city.id;
    tree.city_name = city.name;
    int street_number = 0;
    int community_number = 0;
    for (int d = 0; d < shape.districts; ++d) {
      const CityBuilder::OrgNode district =
          builder.AddOrg(&city, "district", "committee", kDistrictNames[static_cast<std::size_t>(d)]);
      char username[48];
      std::snprintf(username, sizeof username, "district%02d.admin", d + 1);
      add_user("district", district, username);
      tree.districts.push_back({district.id, {}});
      const int streets = shape.streets / shape.districts + (d < shape.streets % shape.districts ? 1 : 0);
      for (int s = 0; s < streets; ++s, ++street_number) {
        const CityBuilder::OrgNode street =
            builder.AddOrg(&district, "street", "working_committee",
                           std::string(kWords[static_cast<std::size_t>((d * 7 + s) % kWords.size())]) + "街道");
        std::snprintf(username, sizeof username, "street%04d.admin", street_number + 1);
        add_user("street", street, username);
        tree.districts.back().streets.push_back({street.id, {}});
        const int communities =
            shape.communities / shape.streets + (street_number < shape.communities % shape.streets ? 1 : 0);
        for (int c = 0; c < communities; ++c, ++community_number) {
          const CityBuilder::OrgNode community =
              builder.AddOrg(&street, "community", kCommunityKinds[static_cast<std::size_t>(c % 3)],
                             std::string(kWords[static_cast<std::size_t>((s * 5 + c * 3 + d) % kWords.size())]) +
                                 kCommunitySuffixes[static_cast<std::size_t>(c % kCommunitySuffixes.size())]);
          std::snprintf(username, sizeof username, "community%05d.admin", community_number + 1);
          add_user("community", community, username);
          tree.districts.back().streets.back().communities.push_back(community.id);
          for (int g = 0; g < shape.grids_per_community; ++g) {
            const CityBuilder::OrgNode grid =
                builder.AddOrg(&community, "grid", "branch", "第" + std::to_string(g + 1) + "网格党支部");
            holders.push_back(MemberHolder{grid.id, community.id, 0, d, 20 + random.Below(41), 0});
          }
          // Units: 70% eligible; of those 60% with their own org (the bigger ones with branches
          // under a committee or general branch), 20% in the community's joint branch, 12% with an
          // instructor only, 8% not covered.
          std::optional<CityBuilder::OrgNode> joint_branch;
          for (int u = 0; u < shape.units_per_community; ++u) {
            int pick = random.Below(100);
            const UnitKind* kind = &kUnitKinds.back();
            for (const UnitKind& candidate : kUnitKinds) {
              if (pick < candidate.percent) {
                kind = &candidate;
                break;
              }
              pick -= candidate.percent;
            }
            const int trade = random.Below(5);
            const std::string name = std::string(random.Pick(kWords)) + random.Pick(kWords) +
                                     kind->trades[static_cast<std::size_t>(trade)] + kind->suffix;
            const int staff = kind->min_staff + random.Below(kind->max_staff - kind->min_staff + 1);
            const bool eligible = random.Below(100) < 70;
            const int coverage = random.Below(100);
            ++unit_id;
            std::int64_t own_org_id = 0, joint_branch_id = 0, holder_unit = unit_id;
            std::string instructor;
            if (eligible && coverage < 60) {
              const bool big = random.Below(100) < 40;
              const CityBuilder::OrgNode own = builder.AddOrg(
                  &community, unit_level.c_str(), big ? (staff > 150 ? "committee" : "general_branch") : "branch",
                  name + (big ? (staff > 150 ? "党委" : "党总支") : "党支部"));
              own_org_id = own.id;
              if (big) {
                const int branches = 2 + random.Below(5);
                for (int b = 0; b < branches; ++b) {
                  const CityBuilder::OrgNode branch =
                      builder.AddOrg(&own, unit_level.c_str(), "branch", "第" + std::to_string(b + 1) + "党支部");
                  holders.push_back(MemberHolder{branch.id, community.id, holder_unit, d, 8 + random.Below(25), 0});
                }
              } else {
                holders.push_back(MemberHolder{own.id, community.id, holder_unit, d, 5 + random.Below(30), 0});
              }
            } else if (eligible && coverage < 80) {
              if (!joint_branch) {
                joint_branch = builder.AddOrg(&community, unit_level.c_str(), "joint_branch",
                                              community.name + "非公企业联合党支部");
                holders.push_back(MemberHolder{joint_branch->id, community.id, 0, d, 5 + random.Below(20), 0});
              }
              joint_branch_id = joint_branch->id;
            } else if (eligible && coverage < 92) {
              instructor = PersonName(random);
            }
            const std::string legal_representative = PersonName(random);
            char serial[32];
            std::snprintf(serial, sizeof serial, "MA%07lld", static_cast<long long>(unit_id));
            const std::string credit_code = unit::CompleteCreditCode(std::string(kind->category) +
                                                                     kDivisions[static_cast<std::size_t>(d)] + serial);
            unit::UnitFields fields;
            fields.name = name;
            fields.credit_code = credit_code;
            fields.unit_kind = kind->kind;
            fields.industry = kind->trades[static_cast<std::size_t>(trade)];
            fields.staff_count = staff;
            fields.legal_representative = legal_representative;
            fields.org_id = community.id;
            fields.eligible_for_org = eligible;
            fields.own_org_id = OptionalId(own_org_id);
            fields.joint_branch_org_id = OptionalId(joint_branch_id);
            fields.instructor = instructor;
            fields.key_enterprise = kind->kind == std::string_view("private_enterprise") && staff >= 300;
            units->Add(unit_id, fields);
          }
        }
      }
    }
    builder.Finish();
    units->Finish();
    // The roll-ups are recounted once, as the migration that created them does (each rebuild
    // first tells PostgreSQL its table's new size, or it plans the recount as a scan per row).
    application.org_service().RebuildLevelRollup(session);
    application.unit_service().RebuildCoverageRollup(session);
    counts.orgs = builder.org_count();
    counts.units = unit_id;

    // Users: one per org down to the communities, and a pool for the login benchmark. One
    // password per role, hashed once (argon2id per user would take hours): bench data only.
    const CityBuilder::OrgNode first_community{users[3].org_id, "", 3, ""};
    for (int i = 0; i < shape.login_users; ++i) {
      char username[32];
      std::snprintf(username, sizeof username, "login%03d.bench", i + 1);
      users.push_back(LevelUser{"login", "community_admin", first_community.id, username, "登录基准测试用户"});
    }
    std::map<std::string, std::pair<std::string, std::string>> passwords;  // label → password, hash
    const std::unique_ptr<auth::UserBulkLoad> accounts = application.auth_service().StartBulkLoad(session, now);
    std::int64_t user_id = 0;
    for (const LevelUser& user : users) {
      auto password = passwords.find(user.role);
      if (password == passwords.end()) {
        std::string text = core::RandomPassword();
        std::string hash = core::HashPassword(text);
        password = passwords.emplace(user.role, std::make_pair(std::move(text), std::move(hash))).first;
      }
      ++user_id;
      tree.user_of_org.emplace(user.org_id, user_id);  // the org's own user comes before the login pool
      accounts->Add(user_id, user.org_id, user.username, user.display_name, user.db_role, password->second.second);
    }
    accounts->Finish();
    counts.users = user_id;
    AddTasks(application, session, tree, shape.tasks, now, random, counts.tasks, counts.task_nodes);
    AddScaledAgreements(application, session, kSeed + 15, tree.user_of_org.at(tree.city), now);
    const std::int64_t city_user = tree.user_of_org.at(tree.city);
    AddScaledCobuildLists(application, session, kSeed + 17, tree.user_of_org.at(tree.city), now);
    transaction.Commit();
    {
      RequestCity request_city;
      request_city.city = tree.city;
      for (const TaskTree::District& district : tree.districts) {
        request_city.districts.push_back({district.id, {}});
        for (const TaskTree::Street& street : district.streets) {
          request_city.districts.back().streets.push_back({street.id, street.communities});
        }
      }
      for (std::size_t i = 0; i < users.size(); ++i) {
        if (users[i].role == "hotline") request_city.hotline_user = static_cast<std::int64_t>(i) + 1;
      }
      const ScaledRequestCounts made = AddScaledRequests(application, session, request_city,
                                                         scale == DemoScale::kMegacity ? 2'000'000 : 200'000, now,
                                                         kSeed + 16);
      counts.requests = made.requests;
      counts.agencies = made.agencies;
      AddScaledWhistles(application, session, request_city, scale == DemoScale::kMegacity ? 20'000 : 2'000, now,
                        kSeed + 18);
      db::Transaction key_enterprises(session, db::Transaction::Mode::kWrite);
      AddScaledKeyEnterprises(application, session, request_city.hotline_user, now, kSeed + 19);
      key_enterprises.Commit();
      db::Transaction joint_meetings(session, db::Transaction::Mode::kWrite);
      AddScaledJointMeetings(application, session, request_city, request_city.hotline_user, now, kSeed + 20);
      joint_meetings.Commit();
    }
    tree = TaskTree();

    std::vector<DemoLogin> logins;
    std::map<std::string, int> listed;
    for (const LevelUser& user : users) {
      if (user.role != "login" && listed[user.role]++ > 0) continue;
      logins.push_back(DemoLogin{user.role, user.username, passwords.at(user.role).first});
    }
    users.clear();
    // Members: fill the holders up to the target, then number each member within its district.
    std::int64_t planned = 0;
    for (const MemberHolder& holder : holders) planned += holder.count;
    const double scale_up = static_cast<double>(shape.members) / static_cast<double>(planned);
    std::vector<std::int64_t> per_district(static_cast<std::size_t>(shape.districts), 0);
    for (MemberHolder& holder : holders) {
      holder.count = static_cast<int>(holder.count * scale_up + 0.5);
      holder.first_in_district = per_district[static_cast<std::size_t>(holder.district)];
      per_district[static_cast<std::size_t>(holder.district)] += holder.count;
    }
    core::log::Info("demo.scaled_city_orgs", {{"orgs", counts.orgs}, {"units", counts.units}, {"users", counts.users}});

    // Encryption runs on a second thread, a batch ahead of the inserts.
    const core::FieldCipher& cipher = application.field_cipher();
    constexpr std::size_t kHoldersPerBatch = 4000;
    const auto make_batch = [&](std::size_t begin, std::int64_t first_id) {
      return std::async(std::launch::async, [&cipher, &holders, begin, first_id] {
        return MakeMembers(cipher, holders, begin, std::min(holders.size(), begin + kHoldersPerBatch), first_id);
      });
    };
    std::int64_t next_id = 1;
    auto pending = make_batch(0, next_id);
    for (std::size_t begin = 0; begin < holders.size(); begin += kHoldersPerBatch) {
      std::vector<MemberRow> rows = pending.get();
      next_id += static_cast<std::int64_t>(rows.size());
      if (begin + kHoldersPerBatch < holders.size()) pending = make_batch(begin + kHoldersPerBatch, next_id);
      db::Transaction batch(session, db::Transaction::Mode::kWrite);
      // The search index is filled by its triggers (migration 0018).
      const std::unique_ptr<member::MemberBulkLoad> members = application.member_service().StartBulkLoad(session, now);
      for (MemberRow& row : rows) {
        member::MemberRecord record;
        record.org_id = row.org_id;
        record.name = std::move(row.name);
        record.name_grams = std::move(row.name_grams);
        record.gender = std::move(row.gender);
        record.birth_date = std::move(row.birth_date);
        record.id_number_cipher = std::move(row.id_cipher);
        record.id_number_index = std::move(row.id_index);
        record.id_number_masked = std::move(row.id_masked);
        record.phone_cipher = std::move(row.phone_cipher);
        record.phone_index = std::move(row.phone_index);
        record.phone_masked = std::move(row.phone_masked);
        record.education = row.education;
        record.joined_on = std::move(row.joined_on);
        if (!row.full_member_on.empty()) record.full_member_on = std::move(row.full_member_on);
        record.status = row.status;
        record.standing = "normal";
        record.in_service = row.in_service != 0;
        if (row.employer_unit_id != 0) record.employer_unit_id = row.employer_unit_id;
        record.home_community_id = row.community_id;
        members->Add(row.id, record);
      }
      members->Finish();
      batch.Commit();
    }
    counts.members = next_id - 1;
    {
      db::Transaction rollup(session, db::Transaction::Mode::kWrite);
      application.member_service().RebuildMemberRollup(session);
      rollup.Commit();
    }
    CreateScaledWorkforce(application, session, now);
    const ScaledCheckInCounts check_ins = AddScaledCheckIns(application, session, kSeed + 19, city_user, now);
    core::log::Info("demo.scaled_check_ins", {{"unit_check_ins", check_ins.unit_check_ins},
                                              {"member_check_ins", check_ins.member_check_ins},
                                              {"hours", check_ins.hours},
                                              {"sheets", check_ins.sheets}});
    {
      // Check-ins and hours went in bulk, past the writes that keep the overview's tallies.
      db::Transaction tallies(session, db::Transaction::Mode::kWrite);
      cobuild_overview::Retally(sql);
      tallies.Commit();
    }
    if (sqlite) {
      sql << "PRAGMA wal_checkpoint(TRUNCATE)";
    } else {
      // What autovacuum does soon after a load this size: statistics, the visibility map, and the
      // GIN indexes' pending lists merged (member search read 229 pending pages on every query).
      sql << "VACUUM (ANALYZE)";
    }
    return logins;
  }
}

}  // namespace liandong::app
