#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "core/china_date.hpp"
#include "core/identity.hpp"
#include "testing/demo_orgs.hpp"
#include "testing/tallies.hpp"
#include "testing/test_server.hpp"

namespace liandong::check_in {
namespace {

using testing::DemoOrgId;
using testing::DemoUnitId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

// 秦朗 and 陈思远, in-service members of 胜利科技发展有限公司党支部 (registered by its user in each
// test), living in 和平里社区, not reported yet.
const std::string kUnreported = "110105199003151239";
const std::string kColleague = core::CompleteIdNumber("11010519850612101");

std::string ErrorCode(const HttpResult& result) {
  if (!result.Json().is_object() || !result.Json().as_object().contains("error")) return "(none) " + result.body;
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string Serialize(const boost::json::object& body) { return boost::json::serialize(body); }

class CheckInApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Into the middle of a quarter, so that last month and next month are the same quarter.
    server_.clock().Advance(45 * 24 * 60 * 60);
    community_ = std::make_unique<HttpClient>(server_.SignedIn("community"));
    street_ = std::make_unique<HttpClient>(server_.SignedIn("street"));
    unit_ = std::make_unique<HttpClient>(server_.SignedIn("unit"));
    hepingli_ = community_->Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
    dongfeng_ = DemoOrgId(*street_, {"东风社区"});
    heping_ = street_->Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
    today_ = core::ChinaDate(server_.clock().NowSeconds());
    year_ = std::stoi(today_.substr(0, 4));
    quarter_ = (std::stoi(today_.substr(5, 2)) - 1) / 3 + 1;
    const std::int64_t branch = unit_->Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
    for (const auto& [name, id_number] : {std::pair{"秦朗", kUnreported}, std::pair{"陈思远", kColleague}}) {
      const auto made = unit_->Post("/api/v1/members", Serialize({{"org_id", branch},
                                                                  {"name", name},
                                                                  {"gender", "male"},
                                                                  {"id_number", id_number},
                                                                  {"status", "full"},
                                                                  {"in_service", true}}));
      ASSERT_EQ(made.status, 201) << made.body;
    }
  }

  HttpResult Report(HttpClient& client, const std::string& id_number, std::int64_t community, bool transfer = false) {
    return client.Post("/api/v1/member-check-ins",
                       Serialize({{"id_number", id_number}, {"community_id", community}, {"transfer", transfer}}));
  }

  // A post of 和平里社区 running from a month ago for a month, of the first category.
  std::int64_t Publish(std::int64_t headcount) {
    const auto categories = community_->Get("/api/v1/service-categories").Json().at("items").as_array();
    EXPECT_EQ(categories.size(), 8u) << "the eight common categories";
    const auto made = community_->Post(
        "/api/v1/service-posts",
        Serialize({{"community_id", hepingli_},
                   {"category_id", categories[0].at("id")},
                   {"title", "社区政策宣讲员"},
                   {"headcount", headcount},
                   {"starts_on", core::AddDays(today_, -30)},
                   {"ends_on", core::AddDays(today_, 30)}}));
    EXPECT_EQ(made.status, 201) << made.body;
    return made.Json().at("id").as_int64();
  }

  HttpResult Hours(std::int64_t post, std::int64_t check_in, const std::string& on, double hours) {
    return community_->Post("/api/v1/service-posts/" + std::to_string(post) + "/hours",
                            Serialize({{"check_in_id", check_in}, {"served_on", on}, {"hours", hours}}));
  }

  TestServer server_;
  std::unique_ptr<HttpClient> community_, street_, unit_;
  std::int64_t hepingli_ = 0, dongfeng_ = 0, heping_ = 0;
  std::string today_;
  int year_ = 0, quarter_ = 0;
};

TEST_F(CheckInApiTest, AMemberReportsSignsUpServesAndTheEmployerReceivesTheQuarterlySheet) {
  const auto reported = Report(*community_, kUnreported, hepingli_);
  ASSERT_EQ(reported.status, 201) << reported.body;
  const std::int64_t check_in = reported.Json().at("id").as_int64();
  EXPECT_EQ(reported.Json().at("member").at("name"), "秦朗");
  EXPECT_EQ(reported.Json().at("employer_org").at("name"), "胜利科技发展有限公司党支部");
  EXPECT_EQ(reported.body.find(kUnreported), std::string::npos) << "the ID number is masked";
  EXPECT_EQ(reported.Json().at("history").as_array().size(), 1u);
  const auto again = Report(*community_, kUnreported, hepingli_);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCode(again), "check_in.already_reported");

  const std::int64_t post = Publish(1);
  const std::string yesterday = core::AddDays(today_, -1);
  const auto unsigned_hours = Hours(post, check_in, yesterday, 2);
  EXPECT_EQ(unsigned_hours.status, 400);
  EXPECT_EQ(ErrorCode(unsigned_hours), "check_in.not_signed_up");
  const std::string sign_ups = "/api/v1/service-posts/" + std::to_string(post) + "/sign-ups";
  const auto signed_up = community_->Post(sign_ups, Serialize({{"check_in_id", check_in}}));
  ASSERT_EQ(signed_up.status, 201) << signed_up.body;
  EXPECT_EQ(signed_up.Json().at("signed_up"), 1);
  EXPECT_EQ(ErrorCode(community_->Post(sign_ups, Serialize({{"check_in_id", check_in}}))), "check_in.already_signed_up");
  // Another member of 和平里社区 for the post of one: full.
  const auto colleague = Report(*community_, kColleague, hepingli_);
  ASSERT_EQ(colleague.status, 201) << colleague.body;
  const auto full = community_->Post(sign_ups, Serialize({{"check_in_id", colleague.Json().at("id")}}));
  EXPECT_EQ(full.status, 409);
  EXPECT_EQ(ErrorCode(full), "check_in.post_full");

  const auto future = Hours(post, check_in, core::AddDays(today_, 1), 2);
  EXPECT_EQ(future.status, 400);
  EXPECT_EQ(ErrorCode(future), "check_in.future_date");
  EXPECT_EQ(ErrorCode(Hours(post, check_in, yesterday, 0.2)), "check_in.invalid_hours");
  EXPECT_EQ(ErrorCode(Hours(post, check_in, yesterday, 25)), "check_in.invalid_hours");
  EXPECT_EQ(ErrorCode(Hours(post, check_in, core::AddDays(today_, -60), 2)), "check_in.outside_post_period");
  const auto served = Hours(post, check_in, yesterday, 2.5);
  ASSERT_EQ(served.status, 201) << served.body;
  EXPECT_EQ(served.Json().at("hours").as_array().size(), 1u);
  EXPECT_EQ(served.Json().at("sign_ups").as_array()[0].at("hours").as_double(), 2.5);
  EXPECT_EQ(ErrorCode(Hours(post, check_in, yesterday, 1)), "check_in.hours_recorded");

  // The quarter's sheets, on demand: the employer's inbox has them, and its sheet shows the hours.
  const auto generated = community_->Post(
      "/api/v1/feedback-sheets/generate", Serialize({{"org_id", hepingli_}, {"year", year_}, {"quarter", quarter_}}));
  ASSERT_EQ(generated.status, 200) << generated.body;
  EXPECT_GE(generated.Json().at("sheets").as_int64(), 1);
  const auto inbox = unit_->Get("/api/v1/notifications").Json().at("items").as_array();
  bool told = false;
  for (const auto& notification : inbox) told = told || notification.at("kind") == "feedback_sheet";
  EXPECT_TRUE(told) << boost::json::serialize(inbox);
  const std::string period = "?year=" + std::to_string(year_) + "&quarter=" + std::to_string(quarter_);
  const auto sheets = unit_->Get("/api/v1/feedback-sheets" + period).Json();
  bool found = false;
  for (const auto& sheet : sheets.at("items").as_array()) {
    if (sheet.at("member").at("name") != "秦朗") continue;
    found = true;
    EXPECT_EQ(sheet.at("hours").as_double(), 2.5);
    EXPECT_EQ(sheet.at("sessions"), 1);
    EXPECT_EQ(sheet.at("community").at("name"), "和平里社区");
  }
  EXPECT_TRUE(found) << sheets;
  const auto workbook = unit_->Get("/api/v1/feedback-sheets/export" + period);
  EXPECT_EQ(workbook.status, 200);
  EXPECT_EQ(workbook.body.substr(0, 2), "PK");
  // A quarter not begun cannot be generated.
  const auto early = community_->Post("/api/v1/feedback-sheets/generate",
                                      Serialize({{"org_id", hepingli_}, {"year", year_ + 1}, {"quarter", 1}}));
  EXPECT_EQ(ErrorCode(early), "check_in.quarter_not_started");
  db::Session session(server_.application().database());
  EXPECT_EQ(server_.application().audit_writer().CountFor(session.sql(), "check_in.member_report", check_in), 1);
  testing::ExpectTalliesEqualARecount(server_);
}

TEST_F(CheckInApiTest, ASecondCommunityIsRefusedAndAMoveKeepsTheHistory) {
  const auto first = Report(*community_, kUnreported, hepingli_);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto second = Report(*street_, kUnreported, dongfeng_);
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(ErrorCode(second), "check_in.second_community");
  const auto moved = Report(*street_, kUnreported, dongfeng_, true);
  ASSERT_EQ(moved.status, 201) << moved.body;
  const auto history = moved.Json().at("history").as_array();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].at("community").at("name"), "和平里社区");
  EXPECT_EQ(history[0].at("ended_on").as_string(), today_);
  EXPECT_TRUE(history[1].at("ended_on").is_null());
  EXPECT_EQ(moved.Json().at("previous_id"), first.Json().at("id"));
  EXPECT_EQ(community_->Get("/api/v1/member-check-ins?q=秦朗").Json().at("total"), 0) << "no longer on the roster";
  EXPECT_EQ(community_->Get("/api/v1/member-check-ins?q=秦朗&all=true").Json().at("total"), 1) << "but in its history";
  // The move took the member off one community's count and onto the other's.
  testing::ExpectTalliesEqualARecount(server_);
}

TEST_F(CheckInApiTest, BadMemberCheckInsChangeNothing) {
  const auto before = community_->Get("/api/v1/member-check-ins?all=true").Json().at("total").as_int64();
  EXPECT_EQ(ErrorCode(Report(*community_, "123", hepingli_)), "check_in.invalid_id_number");
  const auto unknown = Report(*community_, core::CompleteIdNumber("11010519700101999"), hepingli_);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(ErrorCode(unknown), "check_in.member_not_found");
  // A member not in service.
  const std::string retired = core::CompleteIdNumber("11010519500101001");
  const auto member = community_->Post(
      "/api/v1/members", Serialize({{"org_id", hepingli_}, {"name", "退休党员"}, {"gender", "male"},
                                    {"id_number", retired}, {"status", "full"}, {"in_service", false}}));
  ASSERT_EQ(member.status, 201) << member.body;
  EXPECT_EQ(ErrorCode(Report(*community_, retired, hepingli_)), "check_in.not_in_service");
  EXPECT_EQ(ErrorCode(Report(*street_, kUnreported, heping_)), "check_in.not_a_community");
  EXPECT_EQ(ErrorCode(community_->Post("/api/v1/member-check-ins",
                                       Serialize({{"id_number", kUnreported},
                                                  {"community_id", hepingli_},
                                                  {"reported_on", core::AddDays(today_, 2)}}))),
            "check_in.future_date");
  EXPECT_EQ(ErrorCode(Report(*community_, kUnreported, dongfeng_)), "check_in.community_not_found");
  EXPECT_EQ(community_->Get("/api/v1/member-check-ins?all=true").Json().at("total").as_int64(), before);
}

TEST_F(CheckInApiTest, AUnitReportsAndTheCommunityReceivesItOnce) {
  const std::int64_t unit = DemoUnitId(*street_, "国网东城供电公司和平营业厅");
  const auto reported = street_->Post("/api/v1/unit-check-ins", Serialize({{"unit_id", unit}}));
  ASSERT_EQ(reported.status, 201) << reported.body;
  EXPECT_EQ(reported.Json().at("community").at("name"), "建设社区");
  EXPECT_TRUE(reported.Json().at("received_on").is_null());
  const auto again = street_->Post("/api/v1/unit-check-ins", Serialize({{"unit_id", unit}}));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCode(again), "check_in.unit_already_reported");
  const std::string receipt = "/api/v1/unit-check-ins/" + std::to_string(reported.Json().at("id").as_int64()) + "/receipt";
  EXPECT_EQ(community_->Post(receipt, "{}").status, 404) << "建设社区's check-in is outside 和平里社区";
  EXPECT_EQ(ErrorCode(street_->Post(receipt, Serialize({{"received_on", "2000-01-01"}}))),
            "check_in.received_before_report");
  const auto received = street_->Post(receipt, "{}");
  ASSERT_EQ(received.status, 200) << received.body;
  EXPECT_EQ(received.Json().at("received_on").as_string(), today_);
  EXPECT_EQ(ErrorCode(street_->Post(receipt, "{}")), "check_in.already_received");
  // A unit without a Party org of its own or a joint branch cannot report.
  const auto bare = street_->Post("/api/v1/unit-check-ins",
                                  Serialize({{"unit_id", DemoUnitId(*street_, "和平里便民超市")}}));
  EXPECT_EQ(ErrorCode(bare), "check_in.unit_without_party_org");
  // The roster: units and members, and its workbook.
  EXPECT_GE(community_->Get("/api/v1/unit-check-ins").Json().at("total").as_int64(), 2);
  const auto roster = community_->Get("/api/v1/check-in-roster/export");
  EXPECT_EQ(roster.status, 200);
  EXPECT_EQ(roster.body.substr(0, 2), "PK");
}

TEST_F(CheckInApiTest, TheCommunityEvaluatesAReportedMemberOnceAYear) {
  const auto reported = Report(*community_, kUnreported, hepingli_);
  ASSERT_EQ(reported.status, 201) << reported.body;
  const auto evaluate = [&](int year, const std::string& grade) {
    return community_->Post("/api/v1/check-in-evaluations",
                            Serialize({{"year", year}, {"subject_kind", "member"},
                                       {"check_in_id", reported.Json().at("id")}, {"grade", grade},
                                       {"comment", "服务积极"}}));
  };
  EXPECT_EQ(ErrorCode(evaluate(year_, "super")), "check_in.invalid_grade");
  EXPECT_EQ(ErrorCode(evaluate(year_ + 1, "good")), "check_in.invalid_year");
  EXPECT_EQ(ErrorCode(evaluate(year_ - 1, "good")), "check_in.not_reported_in_year");
  const auto made = evaluate(year_, "good");
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.Json().at("subject_org").at("name"), "胜利科技发展有限公司党支部");
  EXPECT_EQ(ErrorCode(evaluate(year_, "excellent")), "check_in.already_evaluated");
  // The employer reads it for its 民主评议.
  const auto read = unit_->Get("/api/v1/check-in-evaluations?year=" + std::to_string(year_)).Json();
  EXPECT_EQ(read.at("total"), 1) << read;
}

TEST_F(CheckInApiTest, CommunityAndUnitRateEachOtherAndSeeOnlyTheirOwnAndTheAggregate) {
  const auto view = community_->Get("/api/v1/mutual-evaluations").Json();
  EXPECT_EQ(view.at("side"), "community");
  std::int64_t technology = 0;
  for (const auto& pair : view.at("to_rate").as_array()) {
    if (pair.at("unit").at("name") == "和平科技有限公司") technology = pair.at("unit").at("id").as_int64();
  }
  ASSERT_NE(technology, 0) << view;
  std::vector<std::int64_t> items;
  const auto catalogue = community_->Get("/api/v1/evaluation-items").Json();
  for (const auto& item : catalogue.at("items").as_array()) {
    if (item.at("direction") == "community_to_unit") items.push_back(item.at("id").as_int64());
  }
  ASSERT_EQ(items.size(), 4u);
  const auto rate = [&](std::int64_t unit, std::vector<std::int64_t> scores) {
    boost::json::array lines;
    for (std::size_t i = 0; i < scores.size(); ++i) {
      lines.push_back(boost::json::object{{"item_id", items[i]}, {"score", scores[i]}});
    }
    return community_->Post("/api/v1/mutual-evaluations",
                            Serialize({{"year", year_}, {"direction", "community_to_unit"}, {"community_id", hepingli_},
                                       {"unit_id", unit}, {"scores", std::move(lines)}, {"comment", "合作良好"}}));
  };
  const auto out_of_scale = rate(technology, {5, 6, 4, 4});
  EXPECT_EQ(out_of_scale.status, 400);
  EXPECT_EQ(ErrorCode(out_of_scale), "mutual_evaluation.score_out_of_scale");
  EXPECT_EQ(ErrorCode(rate(technology, {5, 0, 4, 4})), "mutual_evaluation.score_out_of_scale");
  EXPECT_EQ(ErrorCode(rate(technology, {5, 4, 4})), "mutual_evaluation.invalid_items");
  EXPECT_EQ(ErrorCode(rate(DemoUnitId(*street_, "东风物流有限公司"), {5, 4, 4, 4})), "mutual_evaluation.not_cobuilding");
  const auto rated = rate(technology, {5, 4, 4, 3});
  ASSERT_EQ(rated.status, 201) << rated.body;
  EXPECT_EQ(rated.Json().at("given").as_array().size(), 1u);
  const auto twice = rate(technology, {5, 5, 5, 5});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(ErrorCode(twice), "mutual_evaluation.already_rated");

  // Last year's ratings received by 和平里社区 (the demo's): averages, never who gave which.
  const auto last_year = community_->Get("/api/v1/mutual-evaluations?year=" + std::to_string(year_ - 1)).Json();
  EXPECT_EQ(last_year.at("received").at("ratings"), 2) << last_year;
  EXPECT_EQ(last_year.at("received").at("items").as_array().size(), 4u);
  EXPECT_EQ(boost::json::serialize(last_year.at("received")).find("和平科技"), std::string::npos);
  // The street above sees the community's averages, not the ratings it gave.
  const auto street_view =
      street_->Get("/api/v1/mutual-evaluations?org=" + std::to_string(hepingli_) + "&year=" + std::to_string(year_ - 1))
          .Json();
  EXPECT_EQ(street_view.at("given").as_array().size(), 0u);
  EXPECT_EQ(street_view.at("received").at("ratings"), 2);
  // The unit's side: 胜利科技's branch rates 胜利社区 once; it cannot rate as 和平里社区.
  const auto unit_view = unit_->Get("/api/v1/mutual-evaluations").Json();
  EXPECT_EQ(unit_view.at("side"), "unit") << unit_view;
  ASSERT_EQ(unit_view.at("to_rate").as_array().size(), 1u) << unit_view;
  const auto pair = unit_view.at("to_rate").as_array()[0];
  boost::json::array lines;
  for (const auto& item : catalogue.at("items").as_array()) {
    if (item.at("direction") == "unit_to_community") lines.push_back(boost::json::object{{"item_id", item.at("id")}, {"score", 4}});
  }
  const auto by_unit = unit_->Post("/api/v1/mutual-evaluations",
                                   Serialize({{"year", year_}, {"direction", "unit_to_community"},
                                              {"community_id", pair.at("community").at("id")},
                                              {"unit_id", pair.at("unit").at("id")}, {"scores", lines}}));
  ASSERT_EQ(by_unit.status, 201) << by_unit.body;
  const auto wrong_side = unit_->Post("/api/v1/mutual-evaluations",
                                      Serialize({{"year", year_}, {"direction", "community_to_unit"},
                                                 {"community_id", pair.at("community").at("id")},
                                                 {"unit_id", pair.at("unit").at("id")}, {"scores", lines}}));
  EXPECT_EQ(wrong_side.status, 404) << "胜利社区 is outside the unit's branch";
}

}  // namespace
}  // namespace liandong::check_in
