#include "app/scaled_workforce.hpp"

#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "core/china_date.hpp"
#include "core/identity.hpp"
#include "core/log.hpp"
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
  appraisals.FlushFirst(workers);
  events.FlushFirst(workers);
  static constexpr std::array kEducations = {"associate", "bachelor", "bachelor", "master", "high_school"};
  // Ids after any worker already there (the demo city's, in tests).
  long long first_id = 0;
  sql << "SELECT COALESCE(MAX(id), 0) FROM worker", soci::into(first_id);
  std::int64_t id = first_id;
  for (const Community& community : communities) {
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
      const std::string created = std::string(post) + ":" + std::to_string(grade);
      events.Add({id, "created", service_start, "", created, "", now});
    }
  }
  workers.Finish();
  appraisals.Finish();
  events.Finish();
  db::ResetIdSequences(session, {"worker", "worker_event"});
  transaction.Commit();
  db::AnalyzeTables(session, {"worker", "appraisal", "worker_event"});
  core::log::Info("demo.scaled_workforce", {{"workers", id - first_id}});
  return id - first_id;
}

}  // namespace liandong::app
