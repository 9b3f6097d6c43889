#include <gtest/gtest.h>

#include <algorithm>

#include <boost/json/serialize.hpp>

#include "core/identity.hpp"
#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::workforce {
namespace {

using boost::beast::http::verb;
using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string IdNumber(int serial) {
  return core::CompleteIdNumber("11010119860402" + std::to_string(100 + serial).substr(0, 3));
}

std::string Json(const boost::json::object& object) { return boost::json::serialize(object); }

// The test server's day is 2026-01-01 (Beijing time).
class TrainingApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    city_ = std::make_unique<HttpClient>(server_.SignedIn("city"));
    district_ = std::make_unique<HttpClient>(server_.SignedIn("district"));
    street_ = std::make_unique<HttpClient>(server_.SignedIn("street"));
    community_admin_ = std::make_unique<HttpClient>(server_.SignedIn("community"));
    east_ = DemoOrgId(*city_, {"东城区"});
    heping_ = DemoOrgId(*city_, {"东城区", "和平街道"});
    community_ = DemoOrgId(*city_, {"东城区", "和平街道", "和平里社区"});
  }

  std::int64_t AddWorker(int serial, const std::string& post, int grade) {
    const auto created = street_->Post("/api/v1/workers", Json({{"org_id", community_},
                                                                {"name", "培训测试" + std::to_string(serial)},
                                                                {"id_number", IdNumber(serial)},
                                                                {"post", post},
                                                                {"grade", grade},
                                                                {"service_start", "2016-03-01"},
                                                                {"education", "bachelor"}}));
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json().at("id").as_int64();
  }

  std::int64_t QualificationId(const std::string& name) {
    const auto catalogue = street_->Get("/api/v1/qualifications").Json();
    for (const auto& item : catalogue.at("items").as_array()) {
      if (item.at("name") == name.c_str()) return item.at("id").as_int64();
    }
    ADD_FAILURE() << "no qualification " << name;
    return 0;
  }

  TestServer server_;
  std::unique_ptr<HttpClient> city_, district_, street_, community_admin_;
  std::int64_t east_ = 0, heping_ = 0, community_ = 0;
};

TEST_F(TrainingApiTest, EachPartNamesItsOwningDepartment) {
  const auto owners = street_->Get("/api/v1/workforce-owners").Json().at("items").as_array();
  std::map<std::string, std::string> departments;
  for (const auto& owner : owners) {
    departments[std::string(owner.at("part").as_string())] = std::string(owner.at("department").as_string());
  }
  EXPECT_EQ(departments["grades_pay"], "hr");
  EXPECT_EQ(departments["funds"], "finance");
  EXPECT_EQ(departments["staffing_norms"], "civil_affairs");
  EXPECT_EQ(departments["qualifications"], "civil_affairs");
  EXPECT_EQ(departments["appraisals"], "organisation");
}

TEST_F(TrainingApiTest, QualificationsBringTheirAllowanceIntoPayAndExpiringOnesAreListed) {
  const std::int64_t worker = AddWorker(1, "staff", 5);
  const std::string path = "/api/v1/workers/" + std::to_string(worker);
  const auto before = street_->Get(path).Json();
  EXPECT_EQ(before.at("pay").at("qualification_allowance"), 0);
  const std::int64_t social_worker = QualificationId("社会工作师");
  const auto added = street_->Post(path + "/qualifications", Json({{"qualification_id", social_worker},
                                                                   {"issued_on", "2023-03-01"},
                                                                   {"expires_on", "2026-03-01"}}));
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Json().at("street").at("name"), "和平街道");
  const auto after = street_->Get(path).Json();
  EXPECT_EQ(after.at("pay").at("qualification_allowance"), 40000);
  EXPECT_EQ(after.at("pay").at("total").as_int64(),
            after.at("pay").at("base_pay").as_int64() + after.at("pay").at("allowance").as_int64() + 40000);
  EXPECT_EQ(after.at("qualifications").as_array().size(), 1u);
  EXPECT_EQ(after.at("events").as_array()[0].at("kind"), "qualification");
  // A lower one alongside: the highest valid allowance is paid, not the sum.
  ASSERT_EQ(street_->Post(path + "/qualifications",
                          Json({{"qualification_id", QualificationId("助理社会工作师")}, {"issued_on", "2020-03-01"}}))
                .status,
            201);
  EXPECT_EQ(street_->Get(path).Json().at("pay").at("qualification_allowance"), 40000);

  // Bad input: expiry before issue, an issue date after today, the same one twice; nothing changes.
  EXPECT_EQ(ErrorCode(street_->Post(path + "/qualifications", Json({{"qualification_id", social_worker},
                                                                    {"issued_on", "2024-03-01"},
                                                                    {"expires_on", "2024-01-01"}}))),
            "workforce.invalid_qualification_dates");
  EXPECT_EQ(ErrorCode(street_->Post(path + "/qualifications",
                                    Json({{"qualification_id", social_worker}, {"issued_on", "2026-01-02"}}))),
            "workforce.invalid_qualification_dates");
  const auto twice = street_->Post(path + "/qualifications", Json({{"qualification_id", social_worker},
                                                                   {"issued_on", "2023-03-01"},
                                                                   {"expires_on", "2026-03-01"}}));
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(ErrorCode(twice), "workforce.qualification_exists");
  EXPECT_EQ(street_->Get(path).Json().at("qualifications").as_array().size(), 2u);

  // Expiring within 90 days, per street: this one (2026-03-01) is among them; within 30 days it is not.
  const auto expiring = street_->Get("/api/v1/worker-qualifications/expiring?within_days=90&page_size=200").Json();
  bool listed = false;
  for (const auto& item : expiring.at("items").as_array()) {
    if (item.at("worker").at("id").as_int64() == worker) listed = true;
  }
  EXPECT_TRUE(listed);
  EXPECT_EQ(expiring.at("total").as_int64(), static_cast<std::int64_t>(expiring.at("items").as_array().size()));
  // Paged: one a page, soonest first, every one once.
  std::vector<std::string> one_by_one;
  for (int page = 1; page <= expiring.at("total").as_int64() + 1; ++page) {
    const auto each =
        street_->Get("/api/v1/worker-qualifications/expiring?within_days=90&page_size=1&page=" + std::to_string(page))
            .Json();
    EXPECT_EQ(each.at("total"), expiring.at("total"));
    EXPECT_EQ(each.at("page").as_int64(), page);
    for (const auto& item : each.at("items").as_array()) {
      one_by_one.emplace_back(item.at("expires_on").as_string());
      EXPECT_EQ(item.at("id"), expiring.at("items").as_array()[page - 1].at("id"));
    }
  }
  EXPECT_EQ(static_cast<std::int64_t>(one_by_one.size()), expiring.at("total").as_int64());
  EXPECT_TRUE(std::is_sorted(one_by_one.begin(), one_by_one.end()));
  const auto soon = street_->Get("/api/v1/worker-qualifications/expiring?within_days=30").Json();
  for (const auto& item : soon.at("items").as_array()) {
    EXPECT_NE(item.at("worker").at("id").as_int64(), worker);
  }

  // A worker who moves to another street's community takes its qualifications along: gone from
  // 和平街道's list, in the district's under 胜利街道.
  const std::int64_t shengli_community = DemoOrgId(*city_, {"东城区", "胜利街道", "胜利社区"});
  const auto moved = district_->Patch(path, Json({{"org_id", shengli_community}}));
  ASSERT_EQ(moved.status, 200) << moved.body;
  const auto listed_under = [&](HttpClient& client) {
    const auto page = client.Get("/api/v1/worker-qualifications/expiring?within_days=90&page_size=200").Json();
    for (const auto& item : page.at("items").as_array()) {
      if (item.at("worker").at("id").as_int64() == worker) {
        return std::string(item.at("street").at("name").as_string());
      }
    }
    return std::string();
  };
  EXPECT_EQ(listed_under(*street_), "");
  EXPECT_EQ(listed_under(*district_), "胜利街道");

  // The catalogue is the city's.
  const auto by_street = street_->Post("/api/v1/qualifications", Json({{"name", "社区矫正专员"}, {"allowance", 5000}}));
  EXPECT_EQ(by_street.status, 403);
  EXPECT_EQ(ErrorCode(by_street), "workforce.catalogue_city_only");
  const auto by_city = city_->Post("/api/v1/qualifications", Json({{"name", "社区矫正专员"}, {"allowance", 5000}}));
  ASSERT_EQ(by_city.status, 201) << by_city.body;
  EXPECT_EQ(ErrorCode(city_->Post("/api/v1/qualifications", Json({{"name", "社区矫正专员"}, {"allowance", 1}}))),
            "workforce.qualification_taken");
  EXPECT_EQ(ErrorCode(city_->Post("/api/v1/qualifications", Json({{"name", "负数"}, {"allowance", -1}}))),
            "workforce.invalid_qualification");

  // The pay roster carries the allowance.
  const auto roster = street_->Get("/api/v1/pay-roster");
  ASSERT_EQ(roster.status, 200);
  EXPECT_EQ(roster.body.substr(0, 2), "PK");
}

TEST_F(TrainingApiTest, TrainingHoursAreCountedAgainstTheRequirementOfPostAndGrade) {
  const auto course = district_->Post("/api/v1/courses", Json({{"org_id", east_}, {"name", "基层治理专题"}, {"hours", 8}}));
  ASSERT_EQ(course.status, 201) << course.body;
  const std::int64_t course_id = course.Json().at("id").as_int64();
  EXPECT_EQ(ErrorCode(district_->Post("/api/v1/courses", Json({{"org_id", east_}, {"name", "零学时"}, {"hours", 0}}))),
            "workforce.invalid_course");

  // Requirements per post and grade band; overlapping bands of one post are refused.
  const boost::json::array bands{
      boost::json::object{{"post", "staff"}, {"min_grade", 1}, {"max_grade", 6}, {"hours", 24}},
      boost::json::object{{"post", "staff"}, {"min_grade", 7}, {"max_grade", 12}, {"hours", 32}},
  };
  const auto set = district_->Send(verb::put, "/api/v1/training-requirements",
                                   Json({{"org_id", east_}, {"year", 2026}, {"items", bands}}));
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.Json().at("items").as_array().size(), 2u);
  boost::json::array overlapping = bands;
  overlapping[1].as_object()["min_grade"] = 6;
  EXPECT_EQ(ErrorCode(district_->Send(verb::put, "/api/v1/training-requirements",
                                      Json({{"org_id", east_}, {"year", 2026}, {"items", overlapping}}))),
            "workforce.requirement_overlap");

  const std::int64_t worker = AddWorker(2, "staff", 5);
  const auto recorded = street_->Post(
      "/api/v1/training-records", Json({{"worker_id", worker}, {"course_id", course_id}, {"completed_on", "2026-01-01"}}));
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(recorded.Json().at("hours"), 8);
  // Hours recorded for a future date: their own code, and nothing is recorded.
  const auto future = street_->Post(
      "/api/v1/training-records", Json({{"worker_id", worker}, {"course_id", course_id}, {"completed_on", "2026-01-02"}}));
  EXPECT_EQ(future.status, 400);
  EXPECT_EQ(ErrorCode(future), "workforce.training_in_future");
  EXPECT_EQ(ErrorCode(street_->Post("/api/v1/training-records", Json({{"worker_id", worker},
                                                                     {"course_id", course_id},
                                                                     {"completed_on", "2026-01-01"}}))),
            "workforce.training_record_exists");
  EXPECT_EQ(ErrorCode(street_->Post("/api/v1/training-records", Json({{"worker_id", worker},
                                                                     {"course_id", course_id},
                                                                     {"completed_on", "2025-06-01"},
                                                                     {"hours", 500}}))),
            "workforce.invalid_hours");

  // An import keeps the good rows and reports each bad one.
  boost::json::array rows{
      boost::json::object{{"id_number", IdNumber(2)}, {"course", "基层治理专题"}, {"completed_on", "2025-11-20"}},
      boost::json::object{{"id_number", IdNumber(2)}, {"course", "没有这门课"}, {"completed_on", "2025-11-21"}},
      boost::json::object{{"id_number", IdNumber(2)}, {"course", "基层治理专题"}, {"completed_on", "2026-02-01"}},
      boost::json::object{{"id_number", "123"}, {"course", "基层治理专题"}, {"completed_on", "2025-11-22"}},
  };
  const auto report = street_->Post("/api/v1/training-records/import", Json({{"rows", rows}})).Json();
  EXPECT_EQ(report.at("created"), 1);
  ASSERT_EQ(report.at("errors").as_array().size(), 3u);
  EXPECT_EQ(report.at("errors").as_array()[0].at("code"), "workforce.course_not_found");
  EXPECT_EQ(report.at("errors").as_array()[1].at("code"), "workforce.training_in_future");
  EXPECT_EQ(report.at("errors").as_array()[1].at("message"), "培训完成日期不能晚于今天");
  EXPECT_EQ(report.at("errors").as_array()[2].at("code"), "workforce.invalid_id_number");

  // 8 of the 24 hours grade 5 of 其他 requires this year: 16 short, on the street's shortfall list.
  const auto shortfall =
      street_->Get("/api/v1/training-hours?year=2026&shortfall=true&page_size=100&org=" + std::to_string(community_))
          .Json();
  bool listed = false;
  for (const auto& item : shortfall.at("items").as_array()) {
    EXPECT_GT(item.at("shortfall").as_int64(), 0);
    if (item.at("worker").at("id").as_int64() == worker) {
      listed = true;
      EXPECT_EQ(item.at("required"), 24);
      EXPECT_EQ(item.at("completed"), 8);
      EXPECT_EQ(item.at("shortfall"), 16);
    }
  }
  EXPECT_TRUE(listed);
  const auto profile = street_->Get("/api/v1/workers/" + std::to_string(worker)).Json();
  EXPECT_EQ(profile.at("training").at("completed"), 8);
  EXPECT_EQ(profile.at("training").at("required"), 24);
  const auto records = street_->Get("/api/v1/training-records?year=2025&worker=" + std::to_string(worker)).Json();
  EXPECT_EQ(records.at("total"), 1);
  // A community administrator may read but not record.
  EXPECT_EQ(community_admin_
                ->Post("/api/v1/training-records",
                       Json({{"worker_id", worker}, {"course_id", course_id}, {"completed_on", "2025-05-01"}}))
                .status,
            403);
}

TEST_F(TrainingApiTest, StaffingComparesTheNormWithWorkersInPost) {
  const auto saved = street_->Send(verb::put, "/api/v1/community-guarantees",
                                   Json({{"org_id", community_},
                                         {"year", 2026},
                                         {"households", 3600},
                                         {"population", 9400},
                                         {"office_space", 320},
                                         {"service_space", 680}}));
  ASSERT_EQ(saved.status, 200) << saved.body;
  const auto funds = street_->Send(verb::put, "/api/v1/community-funds",
                                   Json({{"org_id", community_},
                                         {"year", 2026},
                                         {"operating_funds", 30000000},
                                         {"service_funds", 20000000}}));
  ASSERT_EQ(funds.status, 200) << funds.body;
  EXPECT_EQ(funds.Json().at("households"), 3600);  // the funds leave the sizes as they were
  EXPECT_EQ(ErrorCode(street_->Send(verb::put, "/api/v1/community-guarantees",
                                    Json({{"org_id", community_},
                                          {"year", 2026},
                                          {"households", -1},
                                          {"population", 0},
                                          {"office_space", 0},
                                          {"service_space", 0}}))),
            "workforce.invalid_guarantee");
  EXPECT_EQ(ErrorCode(street_->Send(verb::put, "/api/v1/community-guarantees",
                                    Json({{"org_id", heping_},
                                          {"year", 2026},
                                          {"households", 10},
                                          {"population", 0},
                                          {"office_space", 0},
                                          {"service_space", 0}}))),
            "workforce.invalid_org");
  EXPECT_EQ(community_admin_
                ->Send(verb::put, "/api/v1/community-funds",
                       Json({{"org_id", community_}, {"year", 2026}, {"operating_funds", 1}, {"service_funds", 1}}))
                .status,
            403);

  // The shipped norm: 3,000–4,000 households → 5 workers; the community has its demo four in post.
  const auto report = street_->Get("/api/v1/staffing?year=2026").Json();
  EXPECT_EQ(report.at("level"), "street");
  const boost::json::object* line = nullptr;
  for (const auto& item : report.at("communities").as_array()) {
    if (item.at("org").at("id").as_int64() == community_) line = &item.as_object();
  }
  ASSERT_NE(line, nullptr);
  EXPECT_EQ(line->at("required"), 5);
  EXPECT_EQ(line->at("in_post"), 4);
  EXPECT_EQ(line->at("shortfall"), 1);
  EXPECT_EQ(line->at("operating_funds"), 30000000);
  // The district sees it summed per street.
  const auto district = district_->Get("/api/v1/staffing?year=2026").Json();
  EXPECT_EQ(district.at("communities").as_array().size(), 0u);
  bool street_short = false;
  for (const auto& item : district.at("streets").as_array()) {
    if (item.at("org").at("id").as_int64() == heping_) street_short = item.at("shortfall").as_int64() >= 1;
  }
  EXPECT_TRUE(street_short);

  // A district's own norm overrides the city's: bands from 0, one more per 1,000 above 3,000.
  boost::json::array bands{boost::json::object{{"from_households", 0}, {"headcount", 4}}};
  const auto norm = district_->Post("/api/v1/staffing-norms", Json({{"org_id", east_},
                                                                    {"name", "东城区配备标准"},
                                                                    {"effective_from_year", 2026},
                                                                    {"bands", bands},
                                                                    {"step_from", 3000},
                                                                    {"step_households", 1000},
                                                                    {"max_headcount", 12}}));
  ASSERT_EQ(norm.status, 201) << norm.body;
  EXPECT_EQ(ErrorCode(district_->Post("/api/v1/staffing-norms",
                                      Json({{"org_id", east_}, {"name", "重复"}, {"effective_from_year", 2026}}))),
            "workforce.norm_exists");
  boost::json::array bad{boost::json::object{{"from_households", 100}, {"headcount", 4}}};
  EXPECT_EQ(ErrorCode(district_->Post("/api/v1/staffing-norms", Json({{"org_id", east_},
                                                                      {"name", "错误"},
                                                                      {"effective_from_year", 2027},
                                                                      {"bands", bad}}))),
            "workforce.invalid_norm");
  const auto overridden = street_->Get("/api/v1/staffing?year=2026").Json();
  for (const auto& item : overridden.at("communities").as_array()) {
    if (item.at("org").at("id").as_int64() == community_) {
      EXPECT_EQ(item.at("required"), 5);  // 4 + 1 at 3,600
    }
  }

  // Establishment quotas per street: used against allotted.
  const auto quota = district_->Send(verb::put, "/api/v1/establishment-quotas",
                                     Json({{"org_id", heping_},
                                           {"year", 2026},
                                           {"kind", "public_institution"},
                                           {"allotted", 5},
                                           {"used", 6}}));
  ASSERT_EQ(quota.status, 200) << quota.body;
  EXPECT_EQ(quota.Json().at("remaining"), -1);
  EXPECT_EQ(ErrorCode(district_->Send(verb::put, "/api/v1/establishment-quotas",
                                      Json({{"org_id", heping_}, {"year", 2026}, {"kind", "编外"}, {"allotted", 1}}))),
            "workforce.invalid_quota");
  EXPECT_EQ(ErrorCode(district_->Send(verb::put, "/api/v1/establishment-quotas",
                                      Json({{"org_id", community_},
                                            {"year", 2026},
                                            {"kind", "public_institution"},
                                            {"allotted", 1},
                                            {"used", 0}}))),
            "workforce.invalid_quota");
  bool quota_listed = false;
  const auto with_quota = street_->Get("/api/v1/staffing?year=2026").Json();
  for (const auto& item : with_quota.at("quotas").as_array()) {
    if (item.at("kind") == "public_institution" && item.at("allotted") == 5) quota_listed = true;
  }
  EXPECT_TRUE(quota_listed);
}

}  // namespace
}  // namespace liandong::workforce
