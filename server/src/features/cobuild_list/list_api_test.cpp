#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "testing/demo_orgs.hpp"
#include "testing/tallies.hpp"
#include "testing/test_server.hpp"

namespace liandong::cobuild_list {
namespace {

using testing::DemoOrgId;
using testing::DemoUnitId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string Serialize(const boost::json::object& body) { return boost::json::serialize(body); }

class ListApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    street_ = std::make_unique<HttpClient>(server_.SignedIn("street"));
    community_ = std::make_unique<HttpClient>(server_.SignedIn("community"));
    heping_ = street_->Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
    hepingli_ = community_->Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
    jianshe_ = DemoOrgId(*street_, {"建设社区"});
    tech_ = DemoUnitId(*street_, "和平科技有限公司");
  }

  boost::json::object NeedBody(const std::string& kind = "need") {
    return {{"org_id", hepingli_},
            {"need_kind", kind},
            {"category", "venue"},
            {"tags", boost::json::array{"老年人", "活动室"}},
            {"title", "老年人棋牌活动需要场地"},
            {"description", "社区老年人每周两次棋牌活动，需要一间可容纳 30 人的活动室"},
            {"beneficiaries", "社区老年人"},
            {"beneficiary_count", 30},
            {"wanted_by", "2026-01-20"}};
  }

  boost::json::object FundsBody(std::int64_t org_id, const std::string& title, const std::string& valid_to = "2026-12-31") {
    return {{"org_id", org_id},
            {"resource_kind", "funds"},
            {"category", "venue"},
            {"tags", boost::json::array{"老年人"}},
            {"title", title},
            {"quantity", 500000},
            {"valid_from", "2026-01-01"},
            {"valid_to", valid_to}};
  }

  std::int64_t RaiseNeed(const boost::json::object& body) {
    const auto raised = community_->Post("/api/v1/needs", Serialize(body));
    EXPECT_EQ(raised.status, 201) << raised.body;
    return raised.Json().at("id").as_int64();
  }

  std::int64_t ListVenue() {
    const auto venue = street_->Post("/api/v1/venues", Serialize({{"org_id", hepingli_},
                                                                  {"unit_id", tech_},
                                                                  {"name", "和平科技多功能厅"},
                                                                  {"capacity", 60},
                                                                  {"opening_hours", "工作日 9:00-17:00"},
                                                                  {"tags", boost::json::array{"活动室"}}}));
    EXPECT_EQ(venue.status, 201) << venue.body;
    return venue.Json().at("id").as_int64();
  }

  std::int64_t Count(HttpClient& client, const std::string& path) {
    return client.Get(path).Json().at("total").as_int64();
  }

  TestServer server_;
  std::unique_ptr<HttpClient> street_;
  std::unique_ptr<HttpClient> community_;
  std::int64_t heping_ = 0;
  std::int64_t hepingli_ = 0;
  std::int64_t jianshe_ = 0;
  std::int64_t tech_ = 0;
};

TEST_F(ListApiTest, MatchingSuggestsTheUnitsVenueAndTheStreetConfirmsItIntoARatedProject) {
  const std::int64_t need = RaiseNeed(NeedBody());
  const std::int64_t venue = ListVenue();
  // The venue's capacity is listed as a resource by itself.
  const auto resources = street_->Get("/api/v1/resources?kind=venue").Json();
  ASSERT_EQ(resources.at("total"), 1);
  const std::int64_t resource = resources.at("items").as_array()[0].at("id").as_int64();
  EXPECT_EQ(resources.at("items").as_array()[0].at("venue_id"), venue);
  EXPECT_EQ(resources.at("items").as_array()[0].at("quantity"), 60);

  const auto suggestions = community_->Get("/api/v1/needs/" + std::to_string(need) + "/suggestions");
  ASSERT_EQ(suggestions.status, 200) << suggestions.body;
  const auto body = suggestions.Json();
  const auto& items = body.at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  const auto& first = items[0];
  EXPECT_EQ(first.at("id"), resource);
  EXPECT_EQ(first.at("resource_kind"), "venue");
  EXPECT_EQ(first.at("unit").at("name"), "和平科技有限公司");
  // 40 (category) + 10 (one shared tag) + 30 (same community) + 10 (fits 30 people) + 20 (all days free)
  EXPECT_EQ(first.at("score"), 110);
  const std::string explanation(first.at("explanation").as_string());
  EXPECT_NE(explanation.find("同一社区（和平里社区）"), std::string::npos) << explanation;
  EXPECT_NE(explanation.find("标签相同：活动室"), std::string::npos) << explanation;
  EXPECT_EQ(first.at("parts").as_array().size(), 5u);

  // The community cannot confirm; the street can.
  const std::string match = Serialize({{"resource_id", resource}});
  EXPECT_EQ(community_->Post("/api/v1/needs/" + std::to_string(need) + "/match", match).status, 403);
  const auto matched = street_->Post("/api/v1/needs/" + std::to_string(need) + "/match", match);
  ASSERT_EQ(matched.status, 200) << matched.body;
  EXPECT_EQ(matched.Json().at("status"), "matched");
  EXPECT_EQ(matched.Json().at("matched_on"), "2026-01-01");
  const std::int64_t project = matched.Json().at("project").at("id").as_int64();
  EXPECT_EQ(matched.Json().at("project").at("unit").at("name"), "和平科技有限公司");
  // Matched once only.
  const auto again = street_->Post("/api/v1/needs/" + std::to_string(need) + "/match", match);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCode(again), "need.not_open");
  // Both sides are told: the community, and the unit's own Party org.
  const auto inbox = community_->Get("/api/v1/notifications").Json();
  bool told = false;
  for (const auto& item : inbox.at("items").as_array()) told |= item.at("kind") == "cobuild_match";
  EXPECT_TRUE(told) << boost::json::serialize(inbox);
  {
    db::Session session(server_.application().database());
    long long unit_told = 0;
    session.sql() << "SELECT COUNT(*) FROM notification n JOIN unit u ON u.own_org_id = n.org_id "
                     "WHERE n.kind = 'cobuild_match' AND u.name = '和平科技有限公司'",
        soci::into(unit_told);
    EXPECT_EQ(unit_told, 1);
  }

  // A rating needs a delivery first, and a score from 1 to 5.
  const std::string path = "/api/v1/projects/" + std::to_string(project);
  const auto early = community_->Post(path + "/rating", Serialize({{"rating", 5}, {"comment", "很好"}}));
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(ErrorCode(early), "project.not_delivered");
  const auto delivered = community_->Post(
      path + "/deliveries",
      Serialize({{"delivered_on", "2026-01-01"}, {"text", "首次棋牌活动在多功能厅举行"}, {"people_served", 28}}));
  ASSERT_EQ(delivered.status, 201) << delivered.body;
  EXPECT_EQ(delivered.Json().at("people_served"), 28);
  for (const int bad : {0, 6}) {
    const auto rated = community_->Post(path + "/rating", Serialize({{"rating", bad}}));
    EXPECT_EQ(rated.status, 400);
    EXPECT_EQ(ErrorCode(rated), "project.invalid_rating");
  }
  const auto rated = community_->Post(path + "/rating", Serialize({{"rating", 5}, {"comment", "老人们很满意"}}));
  ASSERT_EQ(rated.status, 200) << rated.body;
  EXPECT_EQ(rated.Json().at("status"), "closed");
  EXPECT_EQ(rated.Json().at("rating"), 5);
  EXPECT_EQ(community_->Get("/api/v1/needs/" + std::to_string(need)).Json().at("status"), "closed");
  // Raised, matched and closed with its project: the overview's tallies followed each step.
  testing::ExpectTalliesEqualARecount(server_);
  db::Session session(server_.application().database());
  EXPECT_EQ(server_.application().audit_writer().CountFor(session.sql(), "need.match", need), 1);
  EXPECT_EQ(server_.application().audit_writer().CountFor(session.sql(), "project.rate", project), 1);
}

TEST_F(ListApiTest, SuggestionsRankTheSameCommunityBeforeTheSameStreetBeforeTheDistrict) {
  const std::int64_t need = RaiseNeed(NeedBody());
  HttpClient district = server_.SignedIn("district");
  const std::int64_t dongcheng = district.Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
  const auto post = [&](HttpClient& client, const boost::json::object& body) {
    const auto made = client.Post("/api/v1/resources", Serialize(body));
    EXPECT_EQ(made.status, 201) << made.body;
    return made.Json().at("id").as_int64();
  };
  // Districts read the lists only: the district's resource is seeded.
  std::int64_t at_district = 0;
  {
    db::Session session(server_.application().database());
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    NewResource input;
    input.org_id = dongcheng;
    input.resource_kind = "funds";
    input.category = "venue";
    input.tags = {"老年人"};
    input.title = "区级为老活动资金";
    input.quantity = 500000;
    input.valid_from = "2026-01-01";
    input.valid_to = "2026-12-31";
    at_district = server_.application().list_service().SeedResource(session.sql(), input, 1, 1'767'225'600);
    transaction.Commit();
  }
  const std::int64_t at_jianshe = post(*street_, FundsBody(jianshe_, "建设社区活动资金"));
  const std::int64_t at_hepingli = post(*street_, FundsBody(hepingli_, "和平里社区活动资金"));
  const auto items = street_->Get("/api/v1/needs/" + std::to_string(need) + "/suggestions").Json().at("items").as_array();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].at("id"), at_hepingli);
  EXPECT_EQ(items[1].at("id"), at_jianshe);
  EXPECT_EQ(items[2].at("id"), at_district);
  EXPECT_NE(std::string(items[1].at("explanation").as_string()).find("同一街道（和平街道）"), std::string::npos);
  EXPECT_NE(std::string(items[2].at("explanation").as_string()).find("同一区（东城区）"), std::string::npos);
  // The community sees its own and those listed above it, never another community's.
  const auto seen = community_->Get("/api/v1/needs/" + std::to_string(need) + "/suggestions").Json().at("items").as_array();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].at("id"), at_hepingli);
  EXPECT_EQ(seen[1].at("id"), at_district);
  // Half the funds taken: the capacity part halves.
  const auto taken = street_->Post("/api/v1/needs/" + std::to_string(need) + "/match",
                                   Serialize({{"resource_id", at_hepingli}, {"quantity", 250000}}));
  ASSERT_EQ(taken.status, 200) << taken.body;
  EXPECT_EQ(taken.Json().at("project").at("budget"), 250000);
  EXPECT_EQ(street_->Get("/api/v1/resources/" + std::to_string(at_hepingli)).Json().at("remaining"), 250000);
}

TEST_F(ListApiTest, AMatchToAnExpiredOrExhaustedResourceIsRefusedAndChangesNothing) {
  const std::int64_t need = RaiseNeed(NeedBody());
  const auto made = street_->Post("/api/v1/resources", Serialize(FundsBody(hepingli_, "短期资金", "2026-01-01")));
  ASSERT_EQ(made.status, 201) << made.body;
  const std::int64_t resource = made.Json().at("id").as_int64();
  const std::string path = "/api/v1/needs/" + std::to_string(need) + "/match";
  const auto too_much = street_->Post(path, Serialize({{"resource_id", resource}, {"quantity", 500001}}));
  EXPECT_EQ(too_much.status, 409);
  EXPECT_EQ(ErrorCode(too_much), "resource.exhausted");
  const auto both = street_->Post(path, Serialize({{"resource_id", resource}, {"project_id", 1}}));
  EXPECT_EQ(both.status, 400);
  EXPECT_EQ(ErrorCode(both), "need.invalid_match");
  server_.clock().Advance(2 * 24 * 60 * 60);
  street_ = std::make_unique<HttpClient>(server_.SignedIn("street"));
  const auto expired = street_->Post(path, Serialize({{"resource_id", resource}}));
  EXPECT_EQ(expired.status, 409);
  EXPECT_EQ(ErrorCode(expired), "resource.expired");
  // Expired resources are not suggested.
  EXPECT_TRUE(street_->Get("/api/v1/needs/" + std::to_string(need) + "/suggestions").Json().at("items").as_array().empty());
  const auto still = street_->Get("/api/v1/needs/" + std::to_string(need)).Json();
  EXPECT_EQ(still.at("status"), "open");
  EXPECT_EQ(Count(*street_, "/api/v1/projects"), 0);
}

TEST_F(ListApiTest, AMicroWishIsClaimedWholeByOneUnit) {
  boost::json::object body = NeedBody("micro_wish");
  body["title"] = "为独居老人添置一台电暖器";
  body["beneficiary_count"] = 1;
  const std::int64_t wish = RaiseNeed(body);
  const std::int64_t need = RaiseNeed(NeedBody());
  const std::string path = "/api/v1/needs/" + std::to_string(wish) + "/claim";
  const auto claimed = community_->Post(path, Serialize({{"unit_id", tech_}, {"note", "本周送达"}}));
  ASSERT_EQ(claimed.status, 200) << claimed.body;
  EXPECT_EQ(claimed.Json().at("status"), "claimed");
  EXPECT_EQ(claimed.Json().at("claim").at("unit").at("name"), "和平科技有限公司");
  const auto twice = community_->Post(path, Serialize({{"unit_id", tech_}}));
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(ErrorCode(twice), "need.already_claimed");
  const auto not_a_wish =
      community_->Post("/api/v1/needs/" + std::to_string(need) + "/claim", Serialize({{"unit_id", tech_}}));
  EXPECT_EQ(not_a_wish.status, 409);
  EXPECT_EQ(ErrorCode(not_a_wish), "need.not_micro_wish");
  EXPECT_EQ(Count(*community_, "/api/v1/needs?kind=micro_wish&status=claimed"), 1);
  testing::ExpectTalliesEqualARecount(server_);
}

// Every bad input answers its own code with the field named, and nothing is written.
TEST_F(ListApiTest, BadInputGetsItsOwnCodeAndChangesNothing) {
  const auto with = [&](const char* field, boost::json::value value) {
    boost::json::object body = NeedBody();
    if (value.is_null()) {
      body.erase(field);
    } else {
      body[field] = value;
    }
    return body;
  };
  const std::vector<std::pair<boost::json::object, std::string>> needs = {
      {with("need_kind", "wish"), "need.invalid_kind"},
      {with("category", "nothing"), "need.invalid_category"},
      {with("tags", boost::json::array{"a,b"}), "need.invalid_tags"},
      {with("title", ""), "need.invalid_title"},
      {with("title", boost::json::value(std::string(101 * 3, 'x'))), "need.invalid_title"},
      {with("description", nullptr), "need.invalid_description"},
      {with("beneficiaries", ""), "need.invalid_beneficiaries"},
      {with("beneficiary_count", 0), "need.invalid_beneficiary_count"},
      {with("wanted_by", "2026-02-30"), "need.invalid_date"},
      {with("wanted_by", "2025-12-31"), "need.wanted_in_past"},
      {with("org_id", 999999), "need.org_not_found"},
  };
  for (const auto& [body, code] : needs) {
    const auto result = community_->Post("/api/v1/needs", Serialize(body));
    EXPECT_EQ(result.status, code.ends_with("not_found") ? 404 : 400) << code << " " << result.body;
    EXPECT_EQ(ErrorCode(result), code) << result.body;
  }
  // A need is raised by a street or a community, not a grid.
  const std::int64_t grid = DemoOrgId(*community_, {"第一网格党支部"});
  const auto at_grid = community_->Post("/api/v1/needs", Serialize(with("org_id", grid)));
  EXPECT_EQ(ErrorCode(at_grid), "need.invalid_org");
  EXPECT_EQ(Count(*street_, "/api/v1/needs"), 0);

  const auto resource_with = [&](const char* field, boost::json::value value) {
    boost::json::object body = FundsBody(hepingli_, "资金");
    body[field] = value;
    return body;
  };
  const std::vector<std::pair<boost::json::object, std::string>> resources = {
      {resource_with("resource_kind", "venue"), "resource.invalid_kind"},
      {resource_with("resource_kind", "gold"), "resource.invalid_kind"},
      {resource_with("category", "x"), "resource.invalid_category"},
      {resource_with("quantity", 0), "resource.invalid_quantity"},
      {resource_with("valid_to", "2025-12-31"), "resource.end_before_start"},
      {resource_with("valid_from", "someday"), "resource.invalid_date"},
      {resource_with("title", ""), "resource.invalid_title"},
      {resource_with("unit_id", DemoUnitId(*street_, "东风物流有限公司")), "resource.unit_outside_territory"},
  };
  for (const auto& [body, code] : resources) {
    const auto result = street_->Post("/api/v1/resources", Serialize(body));
    EXPECT_EQ(result.status, 400) << code << " " << result.body;
    EXPECT_EQ(ErrorCode(result), code) << result.body;
  }
  boost::json::object talent = FundsBody(hepingli_, "医护志愿者");
  talent["resource_kind"] = "talent";
  EXPECT_EQ(ErrorCode(street_->Post("/api/v1/resources", Serialize(talent))), "resource.invalid_headcount");
  EXPECT_EQ(Count(*street_, "/api/v1/resources"), 0);

  const boost::json::object project = {{"org_id", hepingli_}, {"unit_id", tech_},        {"category", "elderly"},
                                       {"title", "助老服务"},   {"budget", 100000},      {"owners", "张伟"},
                                       {"starts_on", "2026-01-01"}, {"ends_on", "2026-06-30"}};
  const auto project_with = [&](const char* field, boost::json::value value) {
    boost::json::object body = project;
    body[field] = value;
    return body;
  };
  const std::vector<std::pair<boost::json::object, std::string>> projects = {
      {project_with("ends_on", "2025-12-01"), "project.end_before_start"},
      {project_with("budget", -1), "project.invalid_budget"},
      {project_with("owners", ""), "project.invalid_owners"},
      {project_with("milestones", boost::json::array{boost::json::object{{"title", "启动"}, {"due_on", "x"}}}),
       "project.invalid_milestone"},
  };
  for (const auto& [body, code] : projects) {
    const auto result = street_->Post("/api/v1/projects", Serialize(body));
    EXPECT_EQ(result.status, 400) << code << " " << result.body;
    EXPECT_EQ(ErrorCode(result), code) << result.body;
  }
  EXPECT_EQ(Count(*street_, "/api/v1/projects"), 0);
  const auto made = street_->Post(
      "/api/v1/projects",
      Serialize(project_with("milestones", boost::json::array{boost::json::object{{"title", "启动"}, {"due_on", "2026-02-01"}}})));
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.Json().at("milestones").as_array().size(), 1u);
  const std::string deliveries = "/api/v1/projects/" + std::to_string(made.Json().at("id").as_int64()) + "/deliveries";
  EXPECT_EQ(ErrorCode(street_->Post(deliveries, Serialize({{"delivered_on", "2026-01-02"}, {"text", "未来"}, {"people_served", 1}}))),
            "project.delivery_outside_term");
  EXPECT_EQ(ErrorCode(street_->Post(deliveries, Serialize({{"delivered_on", "2026-01-01"}, {"text", "服务"}, {"people_served", -1}}))),
            "project.invalid_people_served");
}

}  // namespace
}  // namespace liandong::cobuild_list
