#include "app/scaled_workforce.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/china_date.hpp"
#include "core/identity.hpp"
#include "core/log.hpp"
#include "core/org_scope.hpp"
#include "db/bulk_insert.hpp"

namespace liandong::app {
namespace {

constexpr int kWorkersPerCommunity = 15;
constexpr int kBirthDays = 30 * 365;            // workers born over thirty years
constexpr std::int64_t kFirstBirthDay = -3650;  // 1960-01-04

constexpr std::array kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                  "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
constexpr std::array kGivenNames = {"秀英", "建华", "丽娟", "志强", "晓燕", "国庆", "雪梅", "文斌", "海燕", "俊杰",
                                    "春花", "建军", "丽华", "德明", "晓玲", "志刚", "玉兰", "建平", "小红", "永胜"};

// splitmix64, seeded per worker: the same city every time.
std::uint64_t Mix(std::uint64_t value) {
  std::uint64_t z = value + 0x9e3779b97f4a7c15;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

struct Community {
  std::int64_t id = 0;
  std::string path;
};

// The result of an appraisal, from a number in [0, 100): 15% 优秀, 75% 称职, 8% 基本称职, 2% 不称职.
const char* Result(int pick) {
  if (pick < 15) return "excellent";
  if (pick < 90) return "competent";
  if (pick < 98) return "basically_competent";
  return "incompetent";
}

}  // namespace

std::int64_t CreateScaledWorkforce(const Application& application, db::Session& session, std::int64_t now) {
  const workforce::WorkforceService& workforce = application.workforce_service();
  const core::FieldCipher& cipher = application.field_cipher();
  soci::session& sql = session.sql();
  const int year = std::stoi(core::ChinaDate(now).substr(0, 4));

  std::vector<Community> communities;
  std::int64_t city_id = 0;
  std::int64_t second_district = 0;
  {
    long long id = 0;
    std::string path, level;
    soci::statement statement =
        (sql.prepare << "SELECT id, path, level FROM org WHERE level IN ('city', 'district', 'community')"
                        " ORDER BY path",
         soci::into(id), soci::into(path), soci::into(level));
    statement.execute();
    int districts = 0;
    while (statement.fetch()) {
      if (level == "city" && city_id == 0) city_id = id;
      if (level == "district" && ++districts == 2) second_district = id;
      if (level == "community") communities.push_back({id, path});
    }
  }
  if (city_id == 0) return 0;

  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  workforce::SchemeDefinition city_scheme = *workforce::FindSchemeTemplate("three_posts_eighteen_grades");
  city_scheme.effective_from_year = year - 6;
  workforce.SeedScheme(sql, city_id, city_scheme);
  if (second_district != 0) {
    // One district steps every two years: its workers resolve to its own version.
    workforce::SchemeDefinition faster = city_scheme;
    faster.name = "三岗十八级（两年一档）";
    faster.step_years = 2;
    workforce.SeedScheme(sql, second_district, faster);
  }

  // Training, qualifications and staffing: the city's courses and requirements, one course per
  // district, the shipped staffing norm, qualifications as migrated.
  const workforce::TrainingService& training = application.training_service();
  const workforce::StaffingService& staffing = application.staffing_service();
  const std::array<std::int64_t, 2> city_courses{training.SeedCourse(sql, city_id, "社区工作者岗位通用能力培训", 16),
                                                 training.SeedCourse(sql, city_id, "社会工作实务", 8)};
  std::map<std::int64_t, std::int64_t> district_courses;
  for (const Community& community : communities) {
    const std::vector<std::int64_t> ids = core::IdsOnPath(community.path);
    if (ids.size() > 1 && district_courses.count(ids[1]) == 0) {
      district_courses[ids[1]] = training.SeedCourse(sql, ids[1], "基层治理专题培训", 12);
    }
  }
  const std::vector<workforce::TrainingRequirement> bands{
      {"principal", 1, 30, 40}, {"deputy", 1, 30, 32}, {"staff", 1, 6, 24}, {"staff", 7, 30, 32}};
  for (int required_year = year - 4; required_year <= year; ++required_year) {
    training.SeedRequirements(sql, city_id, required_year, bands);
  }
  // The city's norm and communities' guarantees unless there are some already (the demo city's, in
  // tests).
  long long norms = 0;
  sql << "SELECT COUNT(*) FROM staffing_norm WHERE org_id = :city_id", soci::use(city_id, "city_id"), soci::into(norms);
  if (norms == 0) {
    workforce::StaffingNorm norm = workforce::ShippedStaffingNorm();
    norm.org.id = city_id;
    norm.effective_from_year = year - 6;
    staffing.SeedNorm(sql, norm);
  }
  std::set<std::int64_t> guaranteed;
  {
    long long org_id = 0;
    soci::statement statement =
        (sql.prepare << "SELECT DISTINCT org_id FROM community_guarantee", soci::into(org_id));
    statement.execute();
    while (statement.fetch()) guaranteed.insert(org_id);
  }
  std::array<long long, 3> qualifications{};
  sql << "SELECT MIN(id) FROM qualification WHERE name = '助理社会工作师'", soci::into(qualifications[0]);
  sql << "SELECT MIN(id) FROM qualification WHERE name = '社会工作师'", soci::into(qualifications[1]);
  sql << "SELECT MIN(id) FROM qualification WHERE name = '高级社会工作师'", soci::into(qualifications[2]);
  const std::string today = core::ChinaDate(now);

  db::BulkInserter workers(session, "worker",
                           {"id",
                            "org_id",
                            "name",
                            "gender",
                            "birth_date",
                            "id_number_cipher",
                            "id_number_index",
                            "id_number_masked",
                            "phone_cipher",
                            "phone_index",
                            "phone_masked",
                            "post",
                            "grade",
                            "grade_since",
                            "early_steps_used",
                            "service_start",
                            "education",
                            "status",
                            "created_at",
                            "updated_at"});
  db::BulkInserter appraisals(session, "appraisal", {"worker_id", "year", "result", "entered_at"});
  db::BulkInserter events(session, "worker_event",
                          {"worker_id", "kind", "effective_on", "from_value", "to_value", "explanation", "created_at"});
  db::BulkInserter records(session, "training_record",
                           {"worker_id", "course_id", "completed_on", "hours", "created_at"});
  db::BulkInserter held(session, "worker_qualification",
                        {"worker_id", "qualification_id", "issued_on", "expires_on", "created_at"});
  db::BulkInserter guarantees(session, "community_guarantee",
                              {"org_id", "year", "households", "population", "office_space", "service_space",
                               "operating_funds", "service_funds", "updated_at"});
  appraisals.FlushFirst(workers);
  events.FlushFirst(workers);
  records.FlushFirst(workers);
  held.FlushFirst(workers);
  static constexpr std::array kEducations = {"associate", "bachelor", "bachelor", "master", "high_school"};
  // Ids after any worker already there (the demo city's, in tests).
  long long first_id = 0;
  sql << "SELECT COALESCE(MAX(id), 0) FROM worker", soci::into(first_id);
  std::int64_t id = first_id;
  for (const Community& community : communities) {
    const std::vector<std::int64_t> path_ids = core::IdsOnPath(community.path);
    const std::int64_t district_course =
        path_ids.size() > 1 && district_courses.count(path_ids[1]) > 0 ? district_courses[path_ids[1]] : city_courses[1];
    if (guaranteed.count(community.id) == 0) {
      // Five years of guarantees: households around the norm's bands (some communities short).
      std::uint64_t random = Mix(0x6775617261ULL + static_cast<std::uint64_t>(community.id));
      random = Mix(random);
      const int households = 1200 + static_cast<int>(random % 6000);
      for (int guarantee_year = year - 4; guarantee_year <= year; ++guarantee_year) {
        const int size = households - (year - guarantee_year) * 30;
        guarantees.Add({community.id, guarantee_year, size, size * 27 / 10, 250 + static_cast<int>(random % 300),
                        400 + static_cast<int>((random >> 8) % 600),
                        static_cast<std::int64_t>(20'000'000 + (random >> 16) % 20'000'000),
                        static_cast<std::int64_t>(10'000'000 + (random >> 24) % 15'000'000), now});
      }
    }
    for (int i = 0; i < kWorkersPerCommunity; ++i) {
      ++id;
      std::uint64_t random = Mix(0x776f726b6572ULL + static_cast<std::uint64_t>(id));
      const auto below = [&](int bound) {
        random = Mix(random);
        return static_cast<int>(random % static_cast<std::uint64_t>(bound));
      };
      const std::string name = std::string(kSurnames[static_cast<std::size_t>(below(20))]) +
                               kGivenNames[static_cast<std::size_t>(below(20))];
      // A unique ID number: the birth day walks the days, the sequence counts the rounds.
      const std::int64_t index = id - 1;
      const std::string birth = core::IsoDateOfDays(kFirstBirthDay + index % kBirthDays);
      const bool male = below(2) == 0;
      const int sequence = static_cast<int>(index / kBirthDays) * 2 + (male ? 1 : 0);
      char first17[32];
      std::snprintf(first17, sizeof first17, "440106%s%s%s%03d", birth.substr(0, 4).c_str(), birth.substr(5, 2).c_str(),
                    birth.substr(8, 2).c_str(), sequence % 1000);
      const std::string id_number = core::CompleteIdNumber(first17);
      char phone[16];
      std::snprintf(phone, sizeof phone, "136%08d", below(100'000'000));
      const char* post = i == 0 ? "principal" : i < 3 ? "deputy" : "staff";
      const int low = i == 0 ? 7 : i < 3 ? 4 : 1;
      const int grade = low + below(8);
      const std::string grade_since = std::to_string(year - 1 - below(4)) + "-01-01";
      const std::string service_start =
          std::to_string(year - 3 - below(20)) + "-0" + std::to_string(1 + below(9)) + "-01";
      const std::string id_cipher = cipher.Encrypt(id_number);
      const std::string id_index = cipher.BlindIndex(id_number);
      const std::string id_masked = core::MaskIdNumber(id_number);
      const std::string phone_cipher = cipher.Encrypt(phone);
      const std::string phone_index = cipher.BlindIndex(phone);
      const std::string phone_masked = core::MaskPhone(phone);
      workers.Add({id,
                   community.id,
                   name,
                   male ? "male" : "female",
                   birth,
                   id_cipher,
                   id_index,
                   id_masked,
                   phone_cipher,
                   phone_index,
                   phone_masked,
                   post,
                   grade,
                   grade_since,
                   below(10) == 0 ? 1 : 0,
                   service_start,
                   kEducations[static_cast<std::size_t>(below(5))],
                   "in_post",
                   now,
                   now});
      for (int served = year - 5; served < year; ++served) {
        appraisals.Add({id, served, Result(below(100)), now});
      }
      // Training: two courses a year for five years; one in ten did only one this year.
      for (int trained = year - 4; trained <= year; ++trained) {
        const std::string spring = std::min(today, std::to_string(trained) + "-0" + std::to_string(3 + below(3)) + "-1" +
                                                       std::to_string(below(10)));
        const std::string autumn = std::min(today, std::to_string(trained) + "-" + std::to_string(10 + below(2)) + "-0" +
                                                       std::to_string(1 + below(9)));
        records.Add({id, city_courses[0], spring, 16, now});
        if (trained < year || below(10) != 0) records.Add({id, district_course, autumn, 12, now});
      }
      // Qualifications: about half hold one, valid three years from its issue (some expire soon).
      if (below(2) == 0) {
        const int level = below(10) < 6 ? 0 : below(10) < 9 ? 1 : 2;
        const std::string issued = core::AddDays(today, -30 - below(3 * 365));
        held.Add({id, static_cast<std::int64_t>(qualifications[static_cast<std::size_t>(level)]), issued,
                  core::AddDays(issued, 3 * 365), now});
      }
      const std::string created = std::string(post) + ":" + std::to_string(grade);
      events.Add({id, "created", service_start, "", created, "", now});
    }
  }
  workers.Finish();
  appraisals.Finish();
  events.Finish();
  records.Finish();
  held.Finish();
  guarantees.Finish();
  db::ResetIdSequences(session, {"worker", "worker_event"});
  transaction.Commit();
  db::AnalyzeTables(session, {"worker", "appraisal", "worker_event", "training_record", "worker_qualification",
                              "community_guarantee"});
  core::log::Info("demo.scaled_workforce", {{"workers", id - first_id}});
  return id - first_id;
}

}  // namespace liandong::app
