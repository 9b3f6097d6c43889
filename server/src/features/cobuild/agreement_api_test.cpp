#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::cobuild {
namespace {

using testing::DemoOrgId;
using testing::DemoUnitId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string Path(std::int64_t id, std::string_view suffix = "") {
  return "/api/v1/agreements/" + std::to_string(id) + std::string(suffix);
}

boost::json::object Party(std::int64_t unit_id) {
  return {{"unit_id", unit_id}, {"head", "张伟"}, {"liaison", "李明"}};
}

// The "五个一" lines, as the web form's template fills them.
boost::json::array FiveOnes() {
  return {
      boost::json::object{{"kind", "venue"}, {"description", "开放会议室供社区活动"}, {"quantity", 2}, {"rhythm", "monthly"}},
      boost::json::object{{"kind", "volunteer_team"}, {"description", "组建一支志愿服务队"}, {"quantity", 1}, {"rhythm", "once"}},
      boost::json::object{{"kind", "service"}, {"description", "认领一个服务项目"}, {"quantity", 1}, {"rhythm", "quarterly"}},
      boost::json::object{{"kind", "paired_households"}, {"description", "结对帮扶困难家庭"}, {"quantity", 3}, {"rhythm", "once"}},
      boost::json::object{{"kind", "suggestions"}, {"description", "提出社区治理建议"}, {"quantity", 1}, {"rhythm", "yearly"}},
  };
}

class AgreementApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    street_ = std::make_unique<HttpClient>(server_.SignedIn("street"));
    heping_ = street_->Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
  }

  boost::json::object Body(std::vector<std::int64_t> units, const std::string& start_on = "2026-01-01",
                           const std::string& end_on = "2026-12-31", std::int64_t org_id = 0) {
    boost::json::array parties;
    for (const std::int64_t unit : units) parties.push_back(Party(unit));
    return {{"org_id", org_id == 0 ? heping_ : org_id},
            {"title", "和平街道与驻区单位共驻共建协议"},
            {"org_head", "王志刚"},
            {"org_liaison", "赵敏"},
            {"signed_on", start_on},
            {"start_on", start_on},
            {"end_on", end_on},
            {"parties", std::move(parties)},
            {"commitments", FiveOnes()}};
  }

  // Moves the clock on and signs the street in again (the session would have timed out).
  void AdvanceDays(int days) {
    server_.clock().Advance(static_cast<std::int64_t>(days) * 24 * 60 * 60);
    street_ = std::make_unique<HttpClient>(server_.SignedIn("street"));
  }

  HttpResult Sign(const boost::json::object& body) {
    return street_->Post("/api/v1/agreements", boost::json::serialize(body));
  }

  std::int64_t Total(const std::string& query = "") {
    return street_->Get("/api/v1/agreements" + query).Json().at("total").as_int64();
  }

  TestServer server_;
  std::unique_ptr<HttpClient> street_;
  std::int64_t heping_ = 0;
};

TEST_F(AgreementApiTest, StreetSignsWithAUnitAndTheUnitFilesItsQuarterlyReportOnTime) {
  const std::int64_t unit = DemoUnitId(*street_, "和平科技有限公司");
  const auto signed_ = Sign(Body({unit}));
  ASSERT_EQ(signed_.status, 201) << signed_.body;
  const auto agreement = signed_.Json();
  EXPECT_EQ(agreement.at("state"), "active");
  EXPECT_EQ(agreement.at("parties").as_array().size(), 1u);
  EXPECT_EQ(agreement.at("commitments").as_array().size(), 5u);
  // One report per quarter of the term, due ten days after each quarter.
  const auto& reports = agreement.at("reports").as_array();
  ASSERT_EQ(reports.size(), 4u);
  EXPECT_EQ(reports[0].at("period_end"), "2026-03-31");
  EXPECT_EQ(reports[0].at("due_on"), "2026-04-10");
  EXPECT_EQ(reports[3].at("due_on"), "2027-01-10");
  EXPECT_EQ(reports[0].at("status"), "due");
  EXPECT_TRUE(agreement.at("can_report").as_bool());

  const std::int64_t id = agreement.at("id").as_int64();
  AdvanceDays(60);  // 2026-03-02
  const auto filed = street_->Post(
      Path(id, "/reports"),
      boost::json::serialize(boost::json::object{{"report_id", reports[0].at("id")}, {"text", "一季度开放会议室 6 次"}}));
  ASSERT_EQ(filed.status, 200) << filed.body;
  const auto first = filed.Json().at("reports").as_array()[0];
  EXPECT_EQ(first.at("status"), "filed");
  EXPECT_EQ(first.at("filed_on"), "2026-03-02");
  EXPECT_FALSE(first.at("late").as_bool());
  EXPECT_EQ(filed.Json().at("late_reports"), 0);
  // Filed once only; a quarter not begun cannot be reported.
  const auto again = street_->Post(
      Path(id, "/reports"), boost::json::serialize(boost::json::object{{"report_id", reports[0].at("id")}, {"text", "再报"}}));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCode(again), "agreement.report_filed");
  const auto early = street_->Post(
      Path(id, "/reports"), boost::json::serialize(boost::json::object{{"report_id", reports[2].at("id")}, {"text", "提前"}}));
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(ErrorCode(early), "agreement.report_not_open");
  db::Session session(server_.application().database());
  EXPECT_EQ(server_.application().audit_writer().CountFor(session.sql(), "agreement.report",
                                                          reports[0].at("id").as_int64()),
            1);
}

TEST_F(AgreementApiTest, AnotherUnitsMissingReportShowsAsLate) {
  const std::int64_t on_time = DemoUnitId(*street_, "和平科技有限公司");
  const std::int64_t late = DemoUnitId(*street_, "东城区第一人民医院");
  ASSERT_EQ(Sign(Body({on_time})).status, 201);
  // Recorded after the fact: signed in July 2025, nothing reported for the third quarter.
  const auto older = Sign(Body({late}, "2025-07-01", "2026-06-30"));
  ASSERT_EQ(older.status, 201) << older.body;
  const auto detail = older.Json();
  EXPECT_EQ(detail.at("late_reports"), 1);  // Q3 2025, due 10-10; Q4 is due 2026-01-10 (today: 01-01)
  EXPECT_EQ(detail.at("reports").as_array()[0].at("status"), "missing");
  EXPECT_EQ(detail.at("fulfilment").at("reports_due"), 1);
  EXPECT_EQ(detail.at("fulfilment").at("reports_late"), 1);

  const auto late_list = street_->Get("/api/v1/agreements?late=true").Json();
  ASSERT_EQ(late_list.at("total"), 1);
  EXPECT_EQ(late_list.at("items").as_array()[0].at("unit_names").as_array()[0], "东城区第一人民医院");
  EXPECT_EQ(Total(), 2);
  EXPECT_EQ(Total("?state=active"), 2);
  EXPECT_EQ(Total("?state=ended"), 0);
  EXPECT_EQ(Total("?q=" + std::string("%E5%8C%BB%E9%99%A2")), 1);  // 医院

  // Filed late, it stays late; asked about a day before the filing, it was missing.
  const std::int64_t id = detail.at("id").as_int64();
  const auto filed = street_->Post(
      Path(id, "/reports"),
      boost::json::serialize(boost::json::object{{"report_id", detail.at("reports").as_array()[0].at("id")},
                                                 {"text", "三季度补报"}}));
  ASSERT_EQ(filed.status, 200) << filed.body;
  EXPECT_EQ(filed.Json().at("reports").as_array()[0].at("status"), "late_filed");
  const auto before = street_->Get(Path(id, "?as_of=2025-12-31")).Json();
  EXPECT_EQ(before.at("reports").as_array()[0].at("status"), "missing");
  EXPECT_TRUE(before.at("reports").as_array()[0].at("text").is_null());
}

TEST_F(AgreementApiTest, BadInputIsRefusedWithItsOwnCodeAndChangesNothing) {
  const std::int64_t own = DemoUnitId(*street_, "和平科技有限公司");
  HttpClient city = server_.SignedIn("city");
  const std::int64_t other_street_unit = DemoUnitId(city, "胜利科技发展有限公司");
  const std::int64_t other_district_unit = DemoUnitId(city, "光明建筑工程有限公司");
  const std::int64_t community = DemoOrgId(*street_, {"和平里社区"});

  struct Case {
    const char* name;
    boost::json::object body;
    int status;
    const char* code;
  };
  const std::vector<Case> cases = {
      {"end before start", Body({own}, "2026-06-01", "2026-05-31"), 400, "agreement.end_before_start"},
      {"bad date", Body({own}, "2026-02-30"), 400, "agreement.invalid_date"},
      {"no units", Body({}), 400, "agreement.no_party"},
      {"same unit twice", Body({own, own}), 400, "agreement.duplicate_unit"},
      // 东风社区's unit is in 和平街道 but not in 和平里社区's territory.
      {"unit outside the community",
       Body({DemoUnitId(*street_, "东风物流有限公司")}, "2026-01-01", "2026-12-31", community), 400,
       "agreement.unit_outside_territory"},
      {"unit of another street", Body({other_street_unit}), 404, "agreement.unit_not_found"},
      {"unit out of reach", Body({other_district_unit}), 404, "agreement.unit_not_found"},
  };
  for (const Case& bad : cases) {
    const auto result = Sign(bad.body);
    EXPECT_EQ(result.status, bad.status) << bad.name << ": " << result.body;
    EXPECT_EQ(ErrorCode(result), bad.code) << bad.name;
  }
  auto commitment = Body({own});
  commitment["commitments"] = boost::json::array{
      boost::json::object{{"kind", "fireworks"}, {"description", "x"}, {"quantity", 1}, {"rhythm", "once"}}};
  EXPECT_EQ(ErrorCode(Sign(commitment)), "agreement.invalid_commitment");
  auto grid = Body({own}, "2026-01-01", "2026-12-31", DemoOrgId(*street_, {"和平里社区", "第一网格党支部"}));
  EXPECT_EQ(ErrorCode(Sign(grid)), "agreement.invalid_org");
  EXPECT_EQ(Total(), 0);
}

TEST_F(AgreementApiTest, DeliveriesCountAsOfTheirDates) {
  const auto signed_ = Sign(Body({DemoUnitId(*street_, "和平科技有限公司")}));
  ASSERT_EQ(signed_.status, 201);
  const auto agreement = signed_.Json();
  const std::int64_t id = agreement.at("id").as_int64();
  const std::int64_t venue = agreement.at("commitments").as_array()[0].at("id").as_int64();
  const auto deliver = [&](const char* on, int quantity) {
    return street_->Post(Path(id, "/deliveries"),
                         boost::json::serialize(boost::json::object{
                             {"commitment_id", venue}, {"delivered_on", on}, {"quantity", quantity}, {"text", "开放会议室"}}));
  };
  AdvanceDays(24);  // 2026-01-25
  ASSERT_EQ(deliver("2026-01-20", 2).status, 201);
  AdvanceDays(46);  // 2026-03-12
  ASSERT_EQ(deliver("2026-03-05", 1).status, 201);
  EXPECT_EQ(ErrorCode(deliver("2026-03-13", 1)), "agreement.delivery_outside_term");
  EXPECT_EQ(ErrorCode(deliver("2025-12-31", 1)), "agreement.delivery_outside_term");
  const auto now = street_->Get(Path(id)).Json();
  const auto line = now.at("commitments").as_array()[0];
  EXPECT_EQ(line.at("expected"), 4);  // two a month, January and February over
  EXPECT_EQ(line.at("delivered"), 3);
  // As of a day, only what was recorded by then counts.
  const auto january = street_->Get(Path(id, "?as_of=2026-01-31")).Json().at("commitments").as_array()[0];
  EXPECT_EQ(january.at("expected"), 2);
  EXPECT_EQ(january.at("delivered"), 2);
  const auto before = street_->Get(Path(id, "?as_of=2026-01-24")).Json();
  EXPECT_EQ(before.at("commitments").as_array()[0].at("delivered"), 0);
  EXPECT_EQ(before.at("deliveries").as_array().size(), 0u);
}

TEST_F(AgreementApiTest, TheSweepRemindsOfReportsBeforeTheyFallDue) {
  ASSERT_EQ(Sign(Body({DemoUnitId(*street_, "和平科技有限公司")})).status, 201);
  const auto inbox = [&] {
    db::Session session(server_.application().database());
    long long count = 0;
    session.sql() << "SELECT COUNT(*) FROM notification WHERE kind = 'agreement' AND org_id = :org",
        soci::use(static_cast<long long>(heping_), "org"), soci::into(count);
    return count;
  };
  EXPECT_EQ(server_.application().agreement_service().SweepReminders(), 0);
  server_.clock().Advance(92 * 24 * 60 * 60);  // 2026-04-03: Q1 due 04-10
  EXPECT_EQ(server_.application().agreement_service().SweepReminders(), 1);
  EXPECT_EQ(server_.application().agreement_service().SweepReminders(), 0);
  EXPECT_EQ(inbox(), 1);
}

TEST_F(AgreementApiTest, TerminationNeedsAReasonAndARenewalLinksItsPredecessor) {
  const auto signed_ = Sign(Body({DemoUnitId(*street_, "和平科技有限公司")}));
  const std::int64_t id = signed_.Json().at("id").as_int64();
  const auto renewed = street_->Post(Path(id, "/renew"), R"({"end_on":"2027-12-31"})");
  ASSERT_EQ(renewed.status, 201) << renewed.body;
  const auto renewal = renewed.Json();
  EXPECT_EQ(renewal.at("predecessor_id"), id);
  EXPECT_EQ(renewal.at("start_on"), "2027-01-01");
  EXPECT_EQ(renewal.at("state"), "upcoming");
  EXPECT_EQ(renewal.at("commitments").as_array().size(), 5u);
  EXPECT_EQ(street_->Get(Path(id)).Json().at("successor_id"), renewal.at("id"));
  EXPECT_EQ(ErrorCode(street_->Post(Path(id, "/renew"), R"({"end_on":"2028-12-31"})")), "agreement.already_renewed");

  const auto no_reason = street_->Post(Path(id, "/terminate"), R"({"reason":""})");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(ErrorCode(no_reason), "agreement.invalid_reason");
  const auto terminated = street_->Post(Path(id, "/terminate"), R"({"reason":"单位搬迁出辖区"})");
  ASSERT_EQ(terminated.status, 200) << terminated.body;
  EXPECT_EQ(terminated.Json().at("state"), "terminated");
  EXPECT_EQ(terminated.Json().at("termination_reason"), "单位搬迁出辖区");
  // Reports of the quarters after the termination fall away.
  EXPECT_EQ(terminated.Json().at("reports").as_array().size(), 1u);
  EXPECT_EQ(Total("?state=ended"), 1);
  EXPECT_EQ(ErrorCode(street_->Post(Path(id, "/terminate"), R"({"reason":"再次终止"})")), "agreement.wrong_state");
}

// A unit's own Party org signs in (role unit_admin): it sees the agreements its unit is a party
// to, although they lie above its subtree, files its own unit's report and no other party's, and
// signs, terminates or records nothing. Agreements without its unit stay not found.
TEST_F(AgreementApiTest, AUnitsOwnLoginSeesItsAgreementsAndFilesOnlyItsOwnReports) {
  HttpClient city = server_.SignedIn("city");
  const std::int64_t shengli = DemoOrgId(city, {"东城区", "胜利街道"});
  {
    db::Session session(server_.application().database());
    server_.application().auth_service().CreateUser(
        session.sql(), auth::NewUser{shengli, "shengli.admin", "胜利街道管理员", "street_admin", "Shengli-Password-2026"});
  }
  HttpClient shengli_street = server_.Client();
  ASSERT_EQ(shengli_street.SignIn("shengli.admin", "Shengli-Password-2026").status, 200);
  const std::int64_t software = DemoUnitId(city, "胜利科技发展有限公司");
  const std::int64_t school = DemoUnitId(city, "胜利中学");
  const auto joint = shengli_street.Post("/api/v1/agreements",
                                         boost::json::serialize(Body({software, school}, "2026-01-01", "2026-12-31", shengli)));
  ASSERT_EQ(joint.status, 201) << joint.body;
  const std::int64_t id = joint.Json().at("id").as_int64();
  const auto school_only =
      shengli_street.Post("/api/v1/agreements", boost::json::serialize(Body({school}, "2026-01-01", "2026-12-31", shengli)));
  ASSERT_EQ(school_only.status, 201) << school_only.body;
  const auto heping = Sign(Body({DemoUnitId(*street_, "和平科技有限公司")}));
  ASSERT_EQ(heping.status, 201) << heping.body;

  HttpClient unit = server_.SignedIn("unit");
  EXPECT_EQ(unit.Get("/api/v1/me").Json().at("user").at("role"), "unit_admin");
  const auto listed = unit.Get("/api/v1/agreements").Json();
  ASSERT_EQ(listed.at("total"), 1) << listed;
  EXPECT_EQ(listed.at("items").as_array()[0].at("id"), id);
  EXPECT_EQ(unit.Get(Path(school_only.Json().at("id").as_int64())).status, 404);
  EXPECT_EQ(ErrorCode(unit.Get(Path(heping.Json().at("id").as_int64()))), "agreement.not_found");

  const auto detail = unit.Get(Path(id));
  ASSERT_EQ(detail.status, 200) << detail.body;
  const auto view = detail.Json();
  EXPECT_FALSE(view.at("can_write").as_bool());
  EXPECT_TRUE(view.at("can_report").as_bool());
  std::int64_t own_report = 0, other_report = 0;
  for (const auto& report : view.at("reports").as_array()) {
    if (report.at("period_start") != "2026-01-01") continue;
    const bool own = report.at("unit_name") == "胜利科技发展有限公司";
    EXPECT_EQ(report.at("can_file").as_bool(), own) << report;
    (own ? own_report : other_report) = report.at("id").as_int64();
  }
  ASSERT_NE(own_report, 0);
  ASSERT_NE(other_report, 0);
  // The street sees both open reports as its own to file on the units' behalf.
  const auto street_view = shengli_street.Get(Path(id)).Json();
  for (const auto& report : street_view.at("reports").as_array()) {
    EXPECT_EQ(report.at("can_file").as_bool(), report.at("period_start") == "2026-01-01") << report;
  }

  const auto not_own = unit.Post(
      Path(id, "/reports"), boost::json::serialize(boost::json::object{{"report_id", other_report}, {"text", "代报"}}));
  EXPECT_EQ(not_own.status, 400);
  EXPECT_EQ(ErrorCode(not_own), "agreement.not_own_report");
  const auto filed = unit.Post(Path(id, "/reports"), boost::json::serialize(boost::json::object{
                                                         {"report_id", own_report}, {"text", "一季度开放多功能厅 4 次"}}));
  ASSERT_EQ(filed.status, 200) << filed.body;
  const auto after = filed.Json();
  for (const auto& report : after.at("reports").as_array()) {
    if (report.at("id") == own_report) {
      EXPECT_EQ(report.at("status"), "filed");
      EXPECT_EQ(report.at("filed_by"), "胜利科技发展有限公司党支部管理员");
    }
    if (report.at("id") == other_report) {
      EXPECT_EQ(report.at("status"), "due");
    }
  }
  // The street is told in its inbox; the filing is audited.
  bool told = false;
  const auto inbox = shengli_street.Get("/api/v1/notifications").Json();
  for (const auto& item : inbox.at("items").as_array()) told = told || item.at("kind") == "agreement";
  EXPECT_TRUE(told);
  {
    db::Session session(server_.application().database());
    EXPECT_EQ(server_.application().audit_writer().CountFor(session.sql(), "agreement.report", own_report), 1);
  }
  // Nothing else is the unit's to do.
  EXPECT_EQ(unit.Post(Path(id, "/terminate"), R"({"reason":"单位退出"})").status, 403);
  EXPECT_EQ(unit.Post("/api/v1/agreements", boost::json::serialize(Body({software}, "2026-01-01", "2026-12-31", shengli)))
                .status,
            403);
}

TEST_F(AgreementApiTest, OtherStreetsSeeNothingAndTheExportIsAWorkbook) {
  const auto signed_ = Sign(Body({DemoUnitId(*street_, "和平科技有限公司")}));
  const std::int64_t id = signed_.Json().at("id").as_int64();
  HttpClient city = server_.SignedIn("city");
  const std::int64_t shengli = DemoOrgId(city, {"东城区", "胜利街道"});
  {
    db::Session session(server_.application().database());
    server_.application().auth_service().CreateUser(
        session.sql(), auth::NewUser{shengli, "shengli.admin", "胜利街道管理员", "street_admin", "Shengli-Password-2026"});
  }
  HttpClient other = server_.Client();
  ASSERT_EQ(other.SignIn("shengli.admin", "Shengli-Password-2026").status, 200);
  EXPECT_EQ(other.Get(Path(id)).status, 404);
  EXPECT_EQ(other.Get("/api/v1/agreements").Json().at("total"), 0);
  EXPECT_EQ(city.Get("/api/v1/agreements").Json().at("total"), 1);
  EXPECT_EQ(city.Post(Path(id, "/terminate"), R"({"reason":"越权"})").status, 403);

  const auto exported = street_->Get("/api/v1/agreements/export");
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.body.substr(0, 2), "PK");
}

}  // namespace
}  // namespace liandong::cobuild
