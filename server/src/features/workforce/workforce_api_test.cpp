#include <gtest/gtest.h>

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
  return core::CompleteIdNumber("11010119850301" + std::to_string(100 + serial).substr(0, 3));
}

std::string Json(const boost::json::object& object) { return boost::json::serialize(object); }

class WorkforceApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    city_ = std::make_unique<HttpClient>(server_.SignedIn("city"));
    district_ = std::make_unique<HttpClient>(server_.SignedIn("district"));
    street_ = std::make_unique<HttpClient>(server_.SignedIn("street"));
    east_ = DemoOrgId(*city_, {"东城区"});
    heping_ = DemoOrgId(*city_, {"东城区", "和平街道"});
    community_ = DemoOrgId(*city_, {"东城区", "和平街道", "和平里社区"});
    dongfeng_ = DemoOrgId(*city_, {"东城区", "和平街道", "东风社区"});
    shengli_ = DemoOrgId(*city_, {"东城区", "胜利街道"});
  }

  // The district loads the shipped 三岗十八级 as its own version from 2026.
  std::int64_t LoadScheme() {
    const auto result = district_->Post(
        "/api/v1/grade-schemes",
        Json({{"org_id", east_}, {"template", "three_posts_eighteen_grades"}, {"effective_from_year", 2026}}));
    EXPECT_EQ(result.status, 201) << result.body;
    return result.Json().at("id").as_int64();
  }

  HttpResult AddWorker(int serial, const std::string& post, int grade, const std::string& grade_since,
                       std::int64_t org = 0) {
    return street_->Post("/api/v1/workers", Json({{"org_id", org != 0 ? org : community_},
                                                  {"name", "测试工作者" + std::to_string(serial)},
                                                  {"id_number", IdNumber(serial)},
                                                  {"phone", "13800138000"},
                                                  {"post", post},
                                                  {"grade", grade},
                                                  {"grade_since", grade_since},
                                                  {"service_start", "2015-03-01"},
                                                  {"education", "bachelor"}}));
  }

  std::int64_t Worker(int serial, const std::string& post, int grade, const std::string& grade_since,
                      const std::vector<std::pair<int, std::string>>& appraisals) {
    const auto created = AddWorker(serial, post, grade, grade_since);
    EXPECT_EQ(created.status, 201) << created.body;
    const std::int64_t id = created.Json().at("id").as_int64();
    for (const auto& [year, result] : appraisals) {
      const auto appraisal = street_->Post("/api/v1/workers/" + std::to_string(id) + "/appraisals",
                                           Json({{"year", year}, {"result", result}}));
      EXPECT_EQ(appraisal.status, 201) << appraisal.body;
    }
    return id;
  }

  // The proposal of a worker in a run, found through the street's pages.
  boost::json::object ProposalOf(std::int64_t run, std::int64_t worker) {
    const auto page =
        district_->Get("/api/v1/regrading-runs/" + std::to_string(run) + "/proposals?page_size=100").Json();
    for (const auto& item : page.at("items").as_array()) {
      if (item.at("worker").at("id").as_int64() == worker) return item.as_object();
    }
    ADD_FAILURE() << "no proposal for worker " << worker;
    return {};
  }

  TestServer server_;
  std::unique_ptr<HttpClient> city_, district_, street_;
  std::int64_t east_ = 0, heping_ = 0, community_ = 0, dongfeng_ = 0, shengli_ = 0;
};

TEST_F(WorkforceApiTest, SchemesAreVersionedPerJurisdictionWithCompletePayTables) {
  const auto templates = street_->Get("/api/v1/grade-scheme-templates").Json().at("items").as_array();
  ASSERT_EQ(templates.size(), 2u);
  EXPECT_EQ(templates[0].at("name"), "三岗十八级");
  EXPECT_EQ(templates[1].at("step_years"), 2);

  const std::int64_t id = LoadScheme();
  // A second version of the same jurisdiction overlapping 2026 on is refused.
  const auto overlap = district_->Post(
      "/api/v1/grade-schemes",
      Json({{"org_id", east_}, {"template", "four_posts_twenty_four_grades"}, {"effective_from_year", 2027}}));
  EXPECT_EQ(overlap.status, 409);
  EXPECT_EQ(ErrorCode(overlap), "workforce.scheme_overlap");
  // A pay table missing a cell the scheme needs is refused, and nothing changes.
  auto scheme = district_->Get("/api/v1/grade-schemes/" + std::to_string(id)).Json().as_object();
  scheme["pay"].as_array().pop_back();
  const auto incomplete = district_->Send(verb::put, "/api/v1/grade-schemes/" + std::to_string(id), Json(scheme));
  EXPECT_EQ(incomplete.status, 400);
  EXPECT_EQ(ErrorCode(incomplete), "workforce.pay_table_incomplete");
  // Editable: the step interval and one cell of the pay table.
  scheme = district_->Get("/api/v1/grade-schemes/" + std::to_string(id)).Json().as_object();
  scheme["step_years"] = 4;
  scheme["pay"].as_array()[0].as_object()["base_pay"] = 300000;
  const auto edited = district_->Send(verb::put, "/api/v1/grade-schemes/" + std::to_string(id), Json(scheme));
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.Json().at("step_years"), 4);
  EXPECT_EQ(edited.Json().at("pay").as_array()[0].at("base_pay"), 300000);
  // A range that leaves the pay table behind is refused too.
  scheme = edited.Json().as_object();
  scheme["posts"].as_array()[0].as_object()["max_grade"] = 19;
  const auto wider = district_->Send(verb::put, "/api/v1/grade-schemes/" + std::to_string(id), Json(scheme));
  EXPECT_EQ(ErrorCode(wider), "workforce.pay_table_incomplete");
  // The street sees the city's version and its district's; a street may not write one.
  const auto visible = street_->Get("/api/v1/grade-schemes").Json().at("items").as_array();
  EXPECT_EQ(visible.size(), 2u);
  EXPECT_EQ(
      street_->Post("/api/v1/grade-schemes", Json({{"org_id", heping_}, {"template", "three_posts_eighteen_grades"}}))
          .status,
      403);
}

TEST_F(WorkforceApiTest, WorkersAreMaskedCheckedAndKeepATimeline) {
  LoadScheme();
  const auto created = AddWorker(1, "staff", 5, "2023-01-01");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto worker = created.Json();
  EXPECT_EQ(std::string(worker.at("id_number").as_string()), core::MaskIdNumber(IdNumber(1)));
  EXPECT_EQ(worker.at("phone"), "138****8000");
  EXPECT_EQ(worker.at("birth_year"), "1985");
  EXPECT_EQ(created.body.find(IdNumber(1)), std::string::npos);
  // Base pay from the table only: grade 5 of 三岗十八级.
  EXPECT_EQ(worker.at("pay").at("base_pay"), 260000 + 4 * 18000);
  // A grade outside its post's range, a taken ID number: refused with their own codes.
  const auto outside = AddWorker(2, "principal", 3, "2023-01-01");
  EXPECT_EQ(outside.status, 400);
  EXPECT_EQ(ErrorCode(outside), "workforce.grade_out_of_range");
  EXPECT_EQ(ErrorCode(AddWorker(1, "staff", 5, "2023-01-01")), "workforce.id_number_taken");
  // A change of post and grade becomes timeline events.
  const std::int64_t id = worker.at("id").as_int64();
  const auto promoted = street_->Send(verb::patch, "/api/v1/workers/" + std::to_string(id),
                                      Json({{"post", "deputy"}, {"grade", 6}, {"effective_on", "2026-01-01"}}));
  ASSERT_EQ(promoted.status, 200) << promoted.body;
  std::vector<std::string> kinds;
  const auto timeline = promoted.Json();
  for (const auto& event : timeline.at("events").as_array()) kinds.emplace_back(event.at("kind").as_string());
  EXPECT_EQ(kinds, (std::vector<std::string>{"grade", "post", "created"}));
  EXPECT_EQ(ErrorCode(street_->Send(verb::patch, "/api/v1/workers/" + std::to_string(id), Json({{"grade", 16}}))),
            "workforce.grade_out_of_range");
  // Another street's worker is not found.
  const std::int64_t other_street = DemoOrgId(*city_, {"东城区", "胜利街道", "胜利社区"});
  const auto theirs = city_->Get("/api/v1/workers?org=" + std::to_string(other_street)).Json();
  const std::int64_t their_id = theirs.at("items").as_array()[0].at("id").as_int64();
  EXPECT_EQ(street_->Get("/api/v1/workers/" + std::to_string(their_id)).status, 404);
}

TEST_F(WorkforceApiTest, ImportsKeepGoodRowsAndReportBadOnes) {
  LoadScheme();
  boost::json::array rows;
  for (int serial = 10; serial < 13; ++serial) {
    rows.push_back(boost::json::object{{"org_id", community_},
                                       {"name", "导入" + std::to_string(serial)},
                                       {"id_number", IdNumber(serial)},
                                       {"post", "staff"},
                                       {"grade", 3},
                                       {"service_start", "2020-01-01"},
                                       {"education", "associate"}});
  }
  rows[1].as_object()["grade"] = 13;  // outside 其他 1–12
  const auto imported = street_->Post("/api/v1/workers/import", Json({{"rows", rows}})).Json();
  EXPECT_EQ(imported.at("created"), 2);
  ASSERT_EQ(imported.at("errors").as_array().size(), 1u);
  EXPECT_EQ(imported.at("errors").as_array()[0].at("row"), 2);
  EXPECT_EQ(imported.at("errors").as_array()[0].at("code"), "workforce.grade_out_of_range");
  EXPECT_EQ(imported.at("errors").as_array()[0].at("message"), "等级超出该岗位的等级范围");

  boost::json::array appraisals{
      boost::json::object{{"id_number", IdNumber(10)}, {"year", 2025}, {"result", "优秀"}},
      boost::json::object{{"id_number", IdNumber(11)}, {"year", 2025}, {"result", "称职"}},  // never imported
      boost::json::object{{"id_number", IdNumber(12)}, {"year", 2025}, {"result", "competent"}},
      boost::json::object{{"id_number", IdNumber(12)}, {"year", 2025}, {"result", "称职"}},  // a second
  };
  const auto report = street_->Post("/api/v1/appraisals/import", Json({{"rows", appraisals}})).Json();
  EXPECT_EQ(report.at("created"), 2);
  ASSERT_EQ(report.at("errors").as_array().size(), 2u);
  EXPECT_EQ(report.at("errors").as_array()[0].at("code"), "workforce.worker_not_found");
  EXPECT_EQ(report.at("errors").as_array()[1].at("code"), "workforce.appraisal_exists");
  // A future year is refused.
  const auto workers = street_->Get("/api/v1/workers?q=导入10").Json().at("items").as_array();
  ASSERT_EQ(workers.size(), 1u);
  const auto future = street_->Post("/api/v1/workers/" + std::to_string(workers[0].at("id").as_int64()) + "/appraisals",
                                    Json({{"year", 2027}, {"result", "excellent"}}));
  EXPECT_EQ(ErrorCode(future), "workforce.invalid_year");
}

TEST_F(WorkforceApiTest, ARegradingRunExplainsReviewsApprovesAndReverts) {
  LoadScheme();
  const std::int64_t regular =
      Worker(20, "staff", 5, "2023-01-01", {{2023, "competent"}, {2024, "competent"}, {2025, "competent"}});
  const std::int64_t early = Worker(21, "deputy", 8, "2024-01-01", {{2024, "excellent"}, {2025, "excellent"}});
  const std::int64_t held =
      Worker(22, "staff", 4, "2022-01-01", {{2023, "competent"}, {2024, "competent"}, {2025, "incompetent"}});

  const auto computed = district_->Post("/api/v1/regrading-runs", Json({{"org_id", east_}, {"year", 2026}}));
  ASSERT_EQ(computed.status, 201) << computed.body;
  const std::int64_t run = computed.Json().at("id").as_int64();
  EXPECT_EQ(computed.Json().at("status"), "draft");
  EXPECT_EQ(ProposalOf(run, regular).at("explanation"), "+1：自2023-01-01起满三年，考核称职×3");
  EXPECT_EQ(ProposalOf(run, early).at("explanation"), "+1 提前：2024、2025年连续优秀，第1次（共2次）");
  EXPECT_EQ(ProposalOf(run, held).at("explanation"), "不变：2025年不称职");
  EXPECT_EQ(ProposalOf(run, early).at("change"), "early");
  // A run of a street inside the district's, for the same year, is refused.
  EXPECT_EQ(ErrorCode(district_->Post("/api/v1/regrading-runs", Json({{"org_id", heping_}, {"year", 2026}}))),
            "workforce.run_overlap");
  const auto early_only = district_->Get("/api/v1/regrading-runs/" + std::to_string(run) + "/proposals?change=early");
  const auto early_page = early_only.Json();
  for (const auto& item : early_page.at("items").as_array()) EXPECT_EQ(item.at("change"), "early");

  // The street reviews its part; running again changes nothing, its review included.
  const auto reviewed = street_->Post("/api/v1/regrading-runs/" + std::to_string(run) + "/reviews", "{}");
  ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  ASSERT_EQ(reviewed.Json().at("streets").as_array().size(), 1u);  // the street's own part only
  const auto again = district_->Post("/api/v1/regrading-runs", Json({{"org_id", east_}, {"year", 2026}}));
  EXPECT_EQ(again.Json().at("id").as_int64(), run);
  EXPECT_EQ(again.Json().at("counts"), computed.Json().at("counts"));
  // Not yet: 胜利街道 has not reviewed.
  const std::string path = "/api/v1/regrading-runs/" + std::to_string(run);
  EXPECT_EQ(ErrorCode(district_->Post(path + "/approve", "{}")), "workforce.run_not_reviewed");
  EXPECT_EQ(district_->Post(path + "/reviews", Json({{"street_id", shengli_}})).status, 200);
  const auto approved = district_->Post(path + "/approve", "{}");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.Json().at("status"), "approved");
  EXPECT_EQ(ErrorCode(district_->Post(path + "/approve", "{}")), "workforce.run_already_approved");
  EXPECT_EQ(ErrorCode(district_->Post("/api/v1/regrading-runs", Json({{"org_id", east_}, {"year", 2026}}))),
            "workforce.run_already_approved");

  // The grade changed from 1 January, with the run and its explanation on the timeline.
  const auto after = street_->Get("/api/v1/workers/" + std::to_string(regular)).Json();
  EXPECT_EQ(after.at("grade"), 6);
  EXPECT_EQ(after.at("grade_since"), "2026-01-01");
  EXPECT_EQ(after.at("pay").at("base_pay"), 260000 + 5 * 18000);
  const auto& event = after.at("events").as_array()[0];
  EXPECT_EQ(event.at("kind"), "regrading");
  EXPECT_EQ(event.at("regrading_run_id").as_int64(), run);
  EXPECT_EQ(event.at("explanation"), "+1：自2023-01-01起满三年，考核称职×3");
  EXPECT_EQ(street_->Get("/api/v1/workers/" + std::to_string(early)).Json().at("early_steps_used"), 1);
  EXPECT_EQ(street_->Get("/api/v1/workers/" + std::to_string(held)).Json().at("grade"), 4);

  // The pay roster of the street, as a workbook.
  const auto roster = street_->Get("/api/v1/pay-roster?year=2026");
  ASSERT_EQ(roster.status, 200);
  EXPECT_EQ(roster.body.substr(0, 2), "PK");

  // Reverting needs a reason, and is refused while a later approved run builds on it.
  EXPECT_EQ(ErrorCode(district_->Post(path + "/revert", "{}")), "workforce.invalid_reason");
  const auto later = district_->Post("/api/v1/regrading-runs", Json({{"org_id", east_}, {"year", 2027}}));
  ASSERT_EQ(later.status, 201) << later.body;
  const std::string later_path = "/api/v1/regrading-runs/" + std::to_string(later.Json().at("id").as_int64());
  district_->Post(later_path + "/reviews", Json({{"street_id", heping_}}));
  district_->Post(later_path + "/reviews", Json({{"street_id", shengli_}}));
  ASSERT_EQ(district_->Post(later_path + "/approve", "{}").status, 200);
  EXPECT_EQ(ErrorCode(district_->Post(path + "/revert", Json({{"reason", "考核结果有误"}}))),
            "workforce.run_has_later");
  ASSERT_EQ(district_->Post(later_path + "/revert", Json({{"reason", "提前审批"}})).status, 200);
  const auto reverted = district_->Post(path + "/revert", Json({{"reason", "考核结果有误"}}));
  ASSERT_EQ(reverted.status, 200) << reverted.body;
  EXPECT_EQ(reverted.Json().at("status"), "reverted");
  const auto restored = street_->Get("/api/v1/workers/" + std::to_string(regular)).Json();
  EXPECT_EQ(restored.at("grade"), 5);
  EXPECT_EQ(restored.at("grade_since"), "2023-01-01");
  EXPECT_EQ(restored.at("events").as_array()[0].at("kind"), "regrading_reverted");
  EXPECT_EQ(street_->Get("/api/v1/workers/" + std::to_string(early)).Json().at("early_steps_used"), 0);
}

}  // namespace
}  // namespace liandong::workforce
