#include "app/demo_workforce.hpp"

#include <cstdio>

#include "app/demo_training.hpp"
#include "core/china_date.hpp"
#include "core/identity.hpp"

namespace liandong::app {
namespace {

struct DemoWorker {
  const char* post;
  int east_grade;  // under the city's 三岗十八级
  int west_grade;  // under 西城区's 四岗二十四级
  const char* service_start;
  int since_years_ago;  // the grade dates from 1 January this many years before the run's year
  const char* education;
  // The appraisals of the last five years, oldest first.
  const char* appraisals[5];
};

// Each community's four: a regular step, an early step, a grade held after 不称职, one too new.
constexpr DemoWorker kWorkers[] = {
    {"principal",
     12,
     16,
     "2010-03-01",
     3,
     "bachelor",
     {"competent", "excellent", "competent", "competent", "competent"}},
    {"deputy", 8, 11, "2015-09-01", 2, "master", {"competent", "competent", "competent", "excellent", "excellent"}},
    {"staff", 4, 7, "2018-05-01", 4, "associate", {"competent", "competent", "competent", "competent", "incompetent"}},
    {"staff", 2, 5, "", 1, "bachelor", {nullptr, nullptr, nullptr, nullptr, "competent"}},
};

constexpr const char* kNames[] = {"李秀英", "王建华", "张丽娟", "刘志强", "陈晓燕", "杨国庆", "赵雪梅", "黄文斌",
                                  "周海燕", "吴俊杰", "徐春花", "孙建军", "马丽华", "朱德明", "胡晓玲", "郭志刚",
                                  "何玉兰", "高建平", "林小红", "罗永胜", "郑美玲", "梁志华", "谢秋菊", "宋卫东"};

}  // namespace

void CreateDemoWorkforce(const Application& application, db::Session& session, const org::Org& city,
                         const std::map<std::string, org::Org>& streets,
                         const std::map<std::string, org::Org>& communities, std::int64_t now) {
  const workforce::WorkforceService& workforce = application.workforce_service();
  soci::session& sql = session.sql();
  const int year = std::stoi(core::ChinaDate(now).substr(0, 4));
  const int last = year - 1;  // the last appraisal year
  workforce::SchemeDefinition city_scheme = *workforce::FindSchemeTemplate("three_posts_eighteen_grades");
  city_scheme.effective_from_year = year - 6;
  workforce.SeedScheme(sql, city.id, city_scheme);
  const std::int64_t west = *streets.at("光明街道").parent_id;
  workforce::SchemeDefinition west_scheme = *workforce::FindSchemeTemplate("four_posts_twenty_four_grades");
  west_scheme.effective_from_year = year - 6;
  workforce.SeedScheme(sql, west, west_scheme);

  int number = 0;
  for (const auto& [name, community] : communities) {
    const bool western = community.path.starts_with("/" + std::to_string(city.id) + "/" + std::to_string(west) + "/");
    long long member_id = 0;
    sql << "SELECT MIN(id) FROM member WHERE org_id = :org_id", soci::use(community.id, "org_id"),
        soci::into(member_id);
    for (const DemoWorker& data : kWorkers) {
      ++number;
      char first17[32];
      std::snprintf(first17, sizeof first17, "110102%04d%02d%02d%03d", 1970 + number % 25, 1 + number % 12,
                    1 + number % 28, number % 1000);
      workforce::WorkerInput input;
      input.org_id = community.id;
      input.name = kNames[number % std::size(kNames)];
      input.id_number = core::CompleteIdNumber(first17);
      input.phone = "137" + std::to_string(20000000 + number * 7907);
      input.post = western && &data == &kWorkers[3] ? "assistant" : data.post;
      input.service_start = data.service_start[0] != '\0' ? data.service_start : std::to_string(last) + "-03-01";
      input.grade_since = std::to_string(year - data.since_years_ago) + "-01-01";
      if (*input.grade_since < input.service_start) input.grade_since = input.service_start;
      input.education = data.education;
      if (&data == &kWorkers[0] && member_id > 0) input.member_id = member_id;
      const std::int64_t worker_id = workforce.SeedWorker(sql, input, western ? data.west_grade : data.east_grade);
      for (int i = 0; i < 5; ++i) {
        if (data.appraisals[i] == nullptr) continue;
        workforce.SeedAppraisal(sql, worker_id, workforce::Appraisal{last - 4 + i, data.appraisals[i]});
      }
    }
  }
  // 西城区 has regraded this year: every street reviewed it and the district approved.
  workforce.SeedRun(session, west, year, workforce::WorkforceService::Approve::kYes);
  CreateDemoTraining(application, session, city, streets, communities, now);
}

}  // namespace liandong::app
