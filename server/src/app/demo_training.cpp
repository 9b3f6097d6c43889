#include "app/demo_training.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include "core/china_date.hpp"

namespace liandong::app {
namespace {

struct DemoCourse {
  const char* name;
  int hours;
};

// The city's courses; each district adds its own 基层治理专题培训 (12 hours).
constexpr DemoCourse kCityCourses[] = {
    {"社区工作者岗位通用能力培训", 16}, {"社会工作实务", 8}, {"党建引领基层治理专题", 8}};

std::int64_t QualificationNamed(soci::session& sql, const std::string& name) {
  long long id = 0;
  sql << "SELECT id FROM qualification WHERE name = :name", soci::use(name, "name"), soci::into(id);
  return id;
}

}  // namespace

void CreateDemoTraining(const Application& application, db::Session& session, const org::Org& city,
                        const std::map<std::string, org::Org>& streets,
                        const std::map<std::string, org::Org>& communities, std::int64_t now) {
  const workforce::TrainingService& training = application.training_service();
  const workforce::StaffingService& staffing = application.staffing_service();
  soci::session& sql = session.sql();
  const std::string today = core::ChinaDate(now);
  const int year = std::stoi(today.substr(0, 4));
  const std::string first_day = std::to_string(year) + "-01-01";
  const auto this_year = [&](int days_ago) { return std::max(first_day, core::AddDays(today, -days_ago)); };

  // Courses: the city's three and one per district.
  std::vector<std::int64_t> city_courses;
  for (const DemoCourse& course : kCityCourses) {
    city_courses.push_back(training.SeedCourse(sql, city.id, course.name, course.hours));
  }
  std::map<std::int64_t, std::int64_t> district_course;  // district id → its course
  for (const auto& [name, street] : streets) {
    const std::int64_t district = *street.parent_id;
    if (district_course.count(district) == 0) {
      district_course[district] = training.SeedCourse(sql, district, "基层治理专题培训", 12);
    }
  }
  // Required hours per post and grade band, this year and last.
  const std::vector<workforce::TrainingRequirement> bands{
      {"principal", 1, 30, 40}, {"deputy", 1, 30, 32}, {"staff", 1, 6, 24}, {"staff", 7, 30, 32},
      {"assistant", 1, 30, 24}};
  training.SeedRequirements(sql, city.id, year, bands);
  training.SeedRequirements(sql, city.id, year - 1, bands);

  const std::int64_t social_worker = QualificationNamed(sql, "社会工作师");
  const std::int64_t assistant_social_worker = QualificationNamed(sql, "助理社会工作师");
  const std::int64_t counsellor = QualificationNamed(sql, "心理咨询师");

  // The shipped staffing norm for the whole city since the schemes began.
  workforce::StaffingNorm norm = workforce::ShippedStaffingNorm();
  norm.org.id = city.id;
  norm.effective_from_year = year - 6;
  staffing.SeedNorm(sql, norm);

  std::set<std::int64_t> streets_with_a_short_worker;
  int index = 0;
  for (const auto& [name, community] : communities) {
    ++index;
    const std::int64_t street_id = *community.parent_id;
    std::int64_t district = 0;
    for (const auto& [street_name, street] : streets) {
      if (street.id == street_id) district = *street.parent_id;
    }
    // This community's workers in the order the workforce made them: principal, deputy, two staff.
    std::vector<std::tuple<std::int64_t, std::string, int>> workers;
    {
      long long id = 0;
      std::string post;
      int grade = 0;
      soci::statement statement = (sql.prepare << "SELECT id, post, grade FROM worker WHERE org_id = :org_id ORDER BY id",
                                   soci::use(community.id, "org_id"), soci::into(id), soci::into(post),
                                   soci::into(grade));
      statement.execute();
      while (statement.fetch()) workers.emplace_back(id, post, grade);
    }
    for (std::size_t k = 0; k < workers.size(); ++k) {
      const auto& [worker_id, post, grade] = workers[k];
      // Last year: every course, in full.
      training.SeedRecord(sql, worker_id, city_courses[0], std::to_string(year - 1) + "-04-15", 16);
      training.SeedRecord(sql, worker_id, city_courses[1], std::to_string(year - 1) + "-06-18", 8);
      training.SeedRecord(sql, worker_id, city_courses[2], std::to_string(year - 1) + "-09-12", 8);
      training.SeedRecord(sql, worker_id, district_course[district], std::to_string(year - 1) + "-11-08", 12);
      // This year: enough for the post, but the newest staff worker of one community per street is
      // short (one course of 8 hours against 24).
      const bool short_of_hours = k == 3 && streets_with_a_short_worker.insert(street_id).second;
      if (short_of_hours) {
        training.SeedRecord(sql, worker_id, city_courses[1], this_year(120), 8);
        continue;
      }
      training.SeedRecord(sql, worker_id, city_courses[0], this_year(200), 16);
      training.SeedRecord(sql, worker_id, city_courses[2], this_year(60), 8);
      if (post == "principal" || post == "deputy") {
        training.SeedRecord(sql, worker_id, district_course[district], this_year(20), 12);
      }
      if (post != "deputy") training.SeedRecord(sql, worker_id, city_courses[1], this_year(120), 8);
      (void)grade;
    }
    // Qualifications: principals 社会工作师 (the first community's expiring within 45 days), deputies
    // 助理社会工作师 (the third community's within 80 days), every other community's staff 心理咨询师.
    if (workers.size() >= 3) {
      const std::string issued = std::to_string(year - 3) + "-06-20";
      training.SeedWorkerQualification(
          sql, std::get<0>(workers[0]), social_worker, index == 1 ? core::AddDays(today, 45 - 3 * 365) : issued,
          index == 1 ? core::AddDays(today, 45) : std::to_string(year + 1) + "-06-19");
      training.SeedWorkerQualification(sql, std::get<0>(workers[1]), assistant_social_worker,
                                       std::to_string(year - 2) + "-06-23",
                                       index == 3 ? std::optional<std::string>(core::AddDays(today, 80)) : std::nullopt);
      if (index % 2 == 0) {
        training.SeedWorkerQualification(sql, std::get<0>(workers[2]), counsellor, std::to_string(year - 5) + "-11-10",
                                         std::nullopt);
      }
    }
    // Guarantees this year and last: most communities within their norm, three short of it.
    int households = 1400 + (index * 433) % 1500;
    if (name == "东风社区") households = 3620;
    if (name == "胜利社区") households = 4350;
    if (name == "光明社区") households = 5260;
    for (const int guarantee_year : {year - 1, year}) {
      const int size = households - (guarantee_year == year ? 0 : 40);
      staffing.SeedGuarantee(sql, workforce::Guarantee{community.id, guarantee_year, size, size * 27 / 10,
                                                       260 + (index * 37) % 240, 420 + (index * 61) % 500,
                                                       (250000 + (index * 13000) % 150000) * 100LL,
                                                       (150000 + (index * 17000) % 120000) * 100LL});
    }
  }
  // Establishment quotas per street, this year and last.
  int street_index = 0;
  for (const auto& [name, street] : streets) {
    ++street_index;
    for (const int quota_year : {year - 1, year}) {
      staffing.SeedQuota(sql, workforce::EstablishmentQuota{{street.id, name}, quota_year, "public_institution", 6,
                                                            4 + street_index % 3});
      staffing.SeedQuota(sql, workforce::EstablishmentQuota{{street.id, name}, quota_year, "community_post", 14,
                                                            11 + street_index % 4});
    }
  }
}

}  // namespace liandong::app
