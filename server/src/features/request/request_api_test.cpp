#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <map>
#include <tuple>

#include "core/china_date.hpp"
#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::request {
namespace {

using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string Path(std::int64_t id, std::string_view suffix = "") {
  return "/api/v1/requests/" + std::to_string(id) + std::string(suffix);
}

std::string Body(const boost::json::object& object) { return boost::json::serialize(object); }

std::vector<std::string> StepKinds(const boost::json::value& detail) {
  std::vector<std::string> kinds;
  for (const auto& step : detail.at("steps").as_array()) kinds.emplace_back(step.at("kind").as_string());
  return kinds;
}

class RequestApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const boost::json::value categories = city_.Get("/api/v1/request-categories").Json();
    for (const auto& category : categories.at("items").as_array()) {
      category_ids_[std::string(category.at("code").as_string())] = category.at("id").as_int64();
    }
  }

  std::int64_t AgencyId(const std::string& name) {
    const boost::json::value agencies = district_.Get("/api/v1/agencies").Json();
    for (const auto& agency : agencies.at("items").as_array()) {
      if (agency.at("org").at("name").as_string() == name) return agency.at("org").at("id").as_int64();
    }
    ADD_FAILURE() << "no agency " << name;
    return 0;
  }

  HttpClient SignedInAs(std::int64_t org_id, const std::string& username, const std::string& role) {
    {
      db::Session session(server_.application().database());
      server_.application().auth_service().CreateUser(
          session.sql(), auth::NewUser{org_id, username, username, role, "Request-Test-Password-2026"});
    }
    HttpClient client = server_.Client();
    const auto result = client.SignIn(username, "Request-Test-Password-2026");
    EXPECT_EQ(result.status, 200) << result.body;
    return client;
  }

  HttpResult Take(const std::string& code, std::int64_t territory, const std::string& title = "楼上每晚装修到十一点",
                  std::optional<std::int64_t> owner = std::nullopt) {
    boost::json::object body{{"channel", "hotline"},
                             {"category_id", category_ids_.at(code)},
                             {"title", title},
                             {"description", "来电人反映：" + title + "，已持续一周，希望尽快处理。"},
                             {"address", "和平里小区3号楼"},
                             {"resident_name", "王秀英"},
                             {"resident_phone", "13812345678"},
                             {"territory_org_id", territory}};
    if (owner) body["owner_org_id"] = *owner;
    return operator_.Post("/api/v1/requests", Body(body));
  }

  std::int64_t TakeId(const std::string& code, std::int64_t territory) {
    const auto taken = Take(code, territory);
    EXPECT_EQ(taken.status, 201) << taken.body;
    return taken.Json().at("id").as_int64();
  }

  boost::json::value Detail(HttpClient& client, std::int64_t id) {
    const auto result = client.Get(Path(id));
    EXPECT_EQ(result.status, 200) << result.body;
    return result.Json();
  }

  HttpResult Act(HttpClient& client, std::int64_t id, std::string_view action, const boost::json::object& body = {}) {
    return client.Post(Path(id, "/" + std::string(action)), Body(body));
  }

  std::string Month() { return core::ChinaDate(server_.clock().NowSeconds()).substr(0, 7); }

  boost::json::value Rates(HttpClient& client, std::int64_t org) {
    const auto result = client.Get("/api/v1/request-rates?org=" + std::to_string(org) + "&month=" + Month());
    EXPECT_EQ(result.status, 200) << result.body;
    return result.Json();
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient district_ = server_.SignedIn("district");
  HttpClient street_ = server_.SignedIn("street");
  HttpClient community_ = server_.SignedIn("community");
  std::int64_t city_id_ = DemoOrgId(city_, {});
  std::int64_t dongcheng_ = DemoOrgId(district_, {});
  std::int64_t heping_ = DemoOrgId(street_, {});
  std::int64_t heping_li_ = DemoOrgId(community_, {});
  std::int64_t shengli_ = DemoOrgId(district_, {"胜利街道"});
  std::int64_t shengli_community_ = DemoOrgId(district_, {"胜利街道", "胜利社区"});
  std::map<std::string, std::int64_t> category_ids_;
  std::int64_t tuanjie_ = DemoOrgId(city_, {"西城区", "团结街道"});
  std::int64_t tuanjie_community_ = DemoOrgId(city_, {"西城区", "团结街道", "团结社区"});
  std::int64_t police_ = AgencyId("和平派出所");
  std::int64_t urban_ = AgencyId("东城区城管执法队");
  HttpClient operator_ = server_.SignedIn("hotline");     // the 12345 hotline, at the city
  HttpClient police_staff_ = server_.SignedIn("agency");  // 和平派出所's staff
};

TEST_F(RequestApiTest, TheShippedCatalogueHasOverThreeHundredRoutedLeavesInAtMostFiveLevels) {
  const auto categories = operator_.Get("/api/v1/request-categories").Json().at("items").as_array();
  int leaves = 0;
  std::int64_t deepest = 0;
  for (const auto& category : categories) {
    deepest = std::max(deepest, category.at("depth").as_int64());
    if (!category.at("leaf").as_bool()) continue;
    ++leaves;
    EXPECT_FALSE(category.at("owner_kind").is_null()) << category.at("code");
    EXPECT_FALSE(category.at("sla_class").is_null()) << category.at("code");
    EXPECT_EQ(category.at("owner_kind") == "agency", !category.at("agency_kind").is_null()) << category.at("code");
  }
  EXPECT_GE(leaves, 300);
  EXPECT_EQ(deepest, 5);
  // The full name reads from the top: for search by any of its words.
  bool found = false;
  for (const auto& category : categories) {
    if (category.at("code") == "01.01.01") {
      EXPECT_EQ(category.at("full_name").as_string(), "噪声扰民 / 社会生活噪声 / 邻里噪声");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

// The whole loop: the hotline takes a request, the community returns it naming the street, the
// street dispatches it to an agency, which signs for it, contacts the resident, handles and
// replies; the hotline records the resident's rating, and the 三率 count it at every level.
TEST_F(RequestApiTest, RunsTheLoopFromTheHotlineToTheResidentsRating) {
  const auto taken = Take("03.01.01", heping_li_, "小区物业不清运楼道垃圾");
  ASSERT_EQ(taken.status, 201) << taken.body;
  auto request = taken.Json();
  const std::int64_t id = request.at("id").as_int64();
  EXPECT_EQ(request.at("owner").at("name"), "和平里社区");  // routed by the leaf: a community's
  EXPECT_EQ(request.at("first_receiver").at("name"), "示范市");
  EXPECT_EQ(request.at("state"), "dispatched");
  EXPECT_EQ(request.at("sla_class"), "general");
  EXPECT_EQ(request.at("resident_name"), "王**");
  EXPECT_EQ(request.at("resident_phone"), "138****5678");

  // The community finds it to sign for, and returns it to the street: that owner has it at once.
  const auto queue = community_.Get("/api/v1/requests?queue=to_sign").Json();
  ASSERT_EQ(queue.at("total").as_int64(), 1);
  EXPECT_EQ(queue.at("items").as_array()[0].at("id").as_int64(), id);
  auto returned = Act(community_, id, "return", {{"owner_org_id", heping_}, {"reason", "属于街道统筹的环境整治"}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.Json().at("owner").at("name"), "和平街道");
  EXPECT_TRUE(returned.Json().at("arrived_by_return").as_bool());
  EXPECT_EQ(street_.Get("/api/v1/requests?queue=returned").Json().at("total").as_int64(), 1);

  // The street signs and dispatches it to an agency serving it.
  ASSERT_EQ(Act(street_, id, "sign").status, 200);
  const auto owners = street_.Get(Path(id, "/owners")).Json().at("items").as_array();
  bool urban_listed = false;
  for (const auto& owner : owners) urban_listed = urban_listed || owner.at("id").as_int64() == urban_;
  EXPECT_TRUE(urban_listed);
  const auto dispatched = Act(street_, id, "dispatch", {{"owner_org_id", police_}, {"text", "请派出所协调处理"}});
  ASSERT_EQ(dispatched.status, 200) << dispatched.body;
  EXPECT_EQ(dispatched.Json().at("owner").at("name"), "和平派出所");

  // The agency signs for it, contacts the resident, notes its handling and replies.
  EXPECT_EQ(police_staff_.Get("/api/v1/requests?queue=to_sign").Json().at("total").as_int64(), 1);
  ASSERT_EQ(Act(police_staff_, id, "sign").status, 200);
  server_.clock().Advance(600);
  ASSERT_EQ(Act(police_staff_, id, "contact", {{"text", "已电话联系王女士，约定次日上门"}}).status, 200);
  ASSERT_EQ(Act(police_staff_, id, "notes", {{"text", "联合物业清运楼道垃圾"}}).status, 201);
  const auto replied = Act(police_staff_, id, "reply", {{"text", "垃圾已清运，物业承诺每日巡查"}});
  ASSERT_EQ(replied.status, 200) << replied.body;
  EXPECT_EQ(replied.Json().at("state"), "replied");

  // The hotline calls back and records the rating; the request closes.
  EXPECT_EQ(operator_.Get("/api/v1/requests?queue=to_rate").Json().at("total").as_int64(), 1);
  const auto rated = Act(operator_, id, "rating", {{"satisfaction", "satisfied"}, {"resolved", true}});
  ASSERT_EQ(rated.status, 200) << rated.body;
  request = Detail(operator_, id);
  EXPECT_EQ(request.at("state"), "closed");
  EXPECT_EQ(StepKinds(request), (std::vector<std::string>{"received", "dispatched", "returned", "signed", "dispatched",
                                                          "signed", "contacted", "note", "replied", "rated"}));
  EXPECT_FALSE(request.at("late").at("resolution").as_bool());

  // The rates count it at the agency and its district, and at the territory's lineage: the street
  // keeps it (its resident asked) though the police station handled it; the city counts it once.
  const auto city = Rates(city_, city_id_);
  EXPECT_EQ(city.at("counts").at("received").as_int64(), 1);
  EXPECT_EQ(city.at("counts").at("responded").as_int64(), 1);
  EXPECT_EQ(city.at("counts").at("returned").as_int64(), 1);
  EXPECT_DOUBLE_EQ(city.at("rates").at("response").to_number<double>(), 1.0);
  EXPECT_DOUBLE_EQ(city.at("rates").at("resolution").to_number<double>(), 1.0);
  EXPECT_DOUBLE_EQ(city.at("rates").at("satisfaction").to_number<double>(), 1.0);
  EXPECT_EQ(Rates(district_, dongcheng_).at("counts").at("satisfied").as_int64(), 1);
  EXPECT_EQ(Rates(street_, heping_).at("counts").at("received").as_int64(), 1);
  EXPECT_EQ(Rates(street_, heping_).at("counts").at("satisfied").as_int64(), 1);
  const auto street_behind =
      street_.Get("/api/v1/requests?org=" + std::to_string(heping_) + "&month=" + Month() + "&measure=satisfied")
          .Json();
  ASSERT_EQ(street_behind.at("total").as_int64(), 1);
  EXPECT_EQ(street_behind.at("items").as_array()[0].at("id").as_int64(), id);
  bool agency_row = false;
  const auto district = Rates(district_, dongcheng_);
  for (const auto& child : district.at("children").as_array()) {
    if (child.at("org").at("id").as_int64() == police_) {
      agency_row = true;
      EXPECT_EQ(child.at("counts").at("received").as_int64(), 1);
    }
  }
  EXPECT_TRUE(agency_row);
  // Each figure drills down to its requests.
  const auto behind =
      city_.Get("/api/v1/requests?org=" + std::to_string(city_id_) + "&month=" + Month() + "&measure=returned").Json();
  ASSERT_EQ(behind.at("total").as_int64(), 1);
  EXPECT_EQ(behind.at("items").as_array()[0].at("id").as_int64(), id);
  EXPECT_EQ(city_.Get("/api/v1/requests?org=" + std::to_string(city_id_) + "&month=" + Month() + "&measure=reopened")
                .Json()
                .at("total")
                .as_int64(),
            0);
}

TEST_F(RequestApiTest, RoutesByTheLeafToTheAgencyServingTheStreetOrElseTheStreet) {
  const auto noise = Take("01.01.01", heping_li_);  // 邻里噪声: the police station's
  ASSERT_EQ(noise.status, 201) << noise.body;
  EXPECT_EQ(noise.Json().at("owner").at("id").as_int64(), police_);
  const auto elsewhere = Take("01.01.01", tuanjie_community_);  // no police station serves 团结街道
  ASSERT_EQ(elsewhere.status, 201) << elsewhere.body;
  EXPECT_EQ(elsewhere.Json().at("owner").at("id").as_int64(), tuanjie_);
  // The city stations one there: the same leaf routes to it from now on.
  const auto xicheng = DemoOrgId(city_, {"西城区"});
  const auto created = city_.Post("/api/v1/agencies", Body({{"parent_org_id", xicheng},
                                                            {"name", "团结派出所"},
                                                            {"kind", "police_station"},
                                                            {"street_ids", boost::json::array{tuanjie_}}}));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t station = created.Json().at("org").at("id").as_int64();
  EXPECT_EQ(Take("01.01.01", tuanjie_community_).Json().at("owner").at("id").as_int64(), station);
  // An agency serves streets of its own district only.
  EXPECT_EQ(ErrorCode(city_.Post("/api/v1/agencies", Body({{"parent_org_id", xicheng},
                                                           {"name", "越区派出所"},
                                                           {"kind", "police_station"},
                                                           {"street_ids", boost::json::array{heping_}}}))),
            "resident_request.invalid_agency");
  // A street's own staff take a request for themselves: it is in hand at once.
  const auto own = street_.Post("/api/v1/requests", Body({{"channel", "street"},
                                                          {"category_id", category_ids_.at("03.01.01")},
                                                          {"title", "楼道灯损坏"},
                                                          {"description", "居民到街道反映楼道灯不亮"},
                                                          {"territory_org_id", heping_li_},
                                                          {"owner_org_id", heping_}}));
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(own.Json().at("state"), "in_hand");
}

TEST_F(RequestApiTest, BadInputGetsItsOwnCodeAndChangesNothing) {
  EXPECT_EQ(ErrorCode(Take("03.01.01", heping_li_, "")), "resident_request.invalid_title");
  auto body = [&](std::int64_t category) {
    return Body(
        {{"category_id", category}, {"title", "噪音"}, {"description", "噪音"}, {"territory_org_id", heping_li_}});
  };
  auto unknown = operator_.Post("/api/v1/requests", body(99999999));
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(ErrorCode(unknown), "resident_request.unknown_category");
  auto not_leaf = operator_.Post("/api/v1/requests", body(category_ids_.at("01")));
  EXPECT_EQ(ErrorCode(not_leaf), "resident_request.category_not_leaf");
  EXPECT_EQ(ErrorCode(operator_.Post("/api/v1/requests", Body({{"category_id", category_ids_.at("03.01.01")},
                                                               {"title", "噪音"},
                                                               {"description", "噪音"},
                                                               {"resident_phone", "12ab"},
                                                               {"territory_org_id", heping_li_}}))),
            "resident_request.invalid_resident_phone");
  EXPECT_EQ(operator_.Get("/api/v1/requests?queue=taken").Json().at("total").as_int64(), 0);

  const std::int64_t id = TakeId("03.01.01", heping_li_);
  const auto before = Detail(operator_, id);
  auto no_owner = Act(community_, id, "return", {{"reason", "不归我们管"}});
  EXPECT_EQ(no_owner.status, 400);
  EXPECT_EQ(ErrorCode(no_owner), "resident_request.return_owner_required");
  EXPECT_EQ(ErrorCode(Act(community_, id, "return", {{"owner_org_id", heping_li_}, {"reason", "退给自己"}})),
            "resident_request.return_to_self");
  EXPECT_EQ(ErrorCode(Act(community_, id, "return", {{"owner_org_id", shengli_community_}, {"reason", "别的街道"}})),
            "resident_request.invalid_owner");
  EXPECT_EQ(ErrorCode(Act(community_, id, "return", {{"owner_org_id", heping_}})), "resident_request.invalid_reason");
  EXPECT_EQ(ErrorCode(Act(street_, id, "sign")), "resident_request.not_owner");
  EXPECT_EQ(ErrorCode(Act(community_, id, "reply", {{"text", "未签收先答复"}})), "resident_request.wrong_state");
  ASSERT_EQ(Act(community_, id, "sign").status, 200);
  // general: at most 7 days of extension in all.
  EXPECT_EQ(ErrorCode(Act(community_, id, "extensions", {{"days", 8}, {"reason", "需协调多部门"}})),
            "resident_request.extension_too_long");
  ASSERT_EQ(Act(community_, id, "reply", {{"text", "已处理"}}).status, 200);
  for (const char* wrong : {"very", "满意", ""}) {
    EXPECT_EQ(ErrorCode(Act(operator_, id, "rating", {{"satisfaction", wrong}, {"resolved", true}})),
              "resident_request.invalid_satisfaction")
        << wrong;
  }
  EXPECT_EQ(ErrorCode(Act(community_, id, "rating", {{"satisfaction", "satisfied"}, {"resolved", true}})),
            "auth.permission_denied");
  const auto after = Detail(operator_, id);
  EXPECT_EQ(after.at("state"), "replied");
  EXPECT_EQ(after.at("owner"), before.at("owner"));
  EXPECT_EQ(after.at("return_count").as_int64(), 0);
  EXPECT_EQ(StepKinds(after), (std::vector<std::string>{"received", "dispatched", "signed", "replied"}));
}

TEST_F(RequestApiTest, AnExtensionIsDecidedByTheOrgAboveWithinTheCategorysMaximum) {
  const std::int64_t id = TakeId("03.01.01", heping_li_);
  ASSERT_EQ(Act(community_, id, "sign").status, 200);
  const std::string due = std::string(Detail(community_, id).at("resolution_due").as_string());
  const auto asked = Act(community_, id, "extensions", {{"days", 3}, {"reason", "需等待维修资金审批"}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(ErrorCode(Act(community_, id, "extensions", {{"days", 1}, {"reason", "再延一天"}})),
            "resident_request.extension_pending");
  auto detail = Detail(street_, id);
  EXPECT_TRUE(detail.at("can_decide_extension").as_bool());
  const std::int64_t extension = detail.at("extensions").as_array()[0].at("id").as_int64();
  const std::string decision = "/extensions/" + std::to_string(extension) + "/decision";
  EXPECT_EQ(ErrorCode(community_.Post(Path(id, decision), R"({"approve":true})")), "resident_request.not_approver");
  ASSERT_EQ(street_.Post(Path(id, decision), R"({"approve":true,"text":"同意"})").status, 200);
  detail = Detail(community_, id);
  EXPECT_EQ(detail.at("extension_days").as_int64(), 3);
  EXPECT_NE(std::string(detail.at("resolution_due").as_string()), due);
  EXPECT_EQ(detail.at("max_extension_days_left").as_int64(), 4);
  EXPECT_EQ(ErrorCode(Act(community_, id, "extensions", {{"days", 5}, {"reason", "还需五天"}})),
            "resident_request.extension_too_long");
}

TEST_F(RequestApiTest, AnUnsatisfiedResidentsRequestIsReopenedOnce) {
  const std::int64_t id = TakeId("03.01.01", heping_li_);
  const auto handle = [&] {
    ASSERT_EQ(Act(community_, id, "sign").status, 200);
    ASSERT_EQ(Act(community_, id, "reply", {{"text", "已协调物业"}}).status, 200);
    ASSERT_EQ(Act(operator_, id, "rating", {{"satisfaction", "unsatisfied"}, {"resolved", false}}).status, 200);
  };
  handle();
  EXPECT_EQ(Rates(city_, city_id_).at("counts").at("unsatisfied").as_int64(), 1);
  const auto reopened = Act(operator_, id, "reopen", {{"reason", "居民反映垃圾仍未清运"}});
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(reopened.Json().at("state"), "dispatched");
  EXPECT_EQ(reopened.Json().at("owner").at("id").as_int64(), heping_li_);
  // The earlier rating no longer counts; the reopening does.
  auto counts = Rates(city_, city_id_).at("counts");
  EXPECT_EQ(counts.at("unsatisfied").as_int64(), 0);
  EXPECT_EQ(counts.at("reopened").as_int64(), 1);
  handle();
  EXPECT_EQ(ErrorCode(Act(operator_, id, "reopen", {{"reason", "还是不满意"}})), "resident_request.reopen_limit");
}

TEST_F(RequestApiTest, TheSweepWarnsBeforeTheDeadlineAndEscalatesAfterIt) {
  const std::int64_t id = TakeId("03.01.01", heping_li_);  // general: 7 days, warned a day before
  ASSERT_EQ(Act(community_, id, "sign").status, 200);
  server_.clock().Advance(6 * 86400 + 60);
  EXPECT_EQ(server_.application().request_service().Sweep().warned, 1);
  EXPECT_EQ(server_.application().request_service().Sweep().warned, 0);  // once
  // A week later: the sessions of the morning have ended, the users sign in again.
  HttpClient community = server_.SignedIn("community");
  EXPECT_EQ(community.Get("/api/v1/requests?queue=overdue").Json().at("total").as_int64(), 0);
  server_.clock().Advance(86400);
  EXPECT_EQ(server_.application().request_service().Sweep().escalated, 1);
  HttpClient next_day = server_.SignedIn("community");
  const auto overdue = next_day.Get("/api/v1/requests?queue=overdue").Json();
  ASSERT_EQ(overdue.at("total").as_int64(), 1);
  EXPECT_TRUE(overdue.at("items").as_array()[0].at("late").at("resolution").as_bool());
  // The street above hears of it in its inbox.
  HttpClient street = server_.SignedIn("street");
  const auto inbox = street.Get("/api/v1/notifications").Json().at("items").as_array();
  ASSERT_FALSE(inbox.empty());
  EXPECT_EQ(inbox[0].at("kind"), "request");
  EXPECT_EQ(std::string(inbox[0].at("link").as_string()), Path(id).substr(7));
  const auto kinds = StepKinds(Detail(next_day, id));
  EXPECT_EQ(kinds.back(), "escalated");
}

TEST_F(RequestApiTest, EachOrgSeesOnlyTheRequestsItsSubtreeOwnsTakesOrHosts) {
  const std::int64_t heping_request = TakeId("03.01.01", heping_li_);
  const std::int64_t shengli_request = TakeId("03.01.01", shengli_community_);
  EXPECT_EQ(community_.Get(Path(shengli_request)).status, 404);
  EXPECT_EQ(ErrorCode(street_.Get(Path(shengli_request))), "resident_request.not_found");
  EXPECT_EQ(police_staff_.Get(Path(heping_request)).status, 404);  // not dispatched to it
  EXPECT_EQ(street_.Get(Path(heping_request)).status, 200);
  EXPECT_EQ(street_.Get("/api/v1/requests?org=" + std::to_string(shengli_)).status, 404);
  // The resident's name and phone in the clear: for the owner and the first receiver, audited.
  EXPECT_EQ(street_.Get(Path(heping_request, "/resident")).status, 403);
  const auto resident = community_.Get(Path(heping_request, "/resident"));
  ASSERT_EQ(resident.status, 200) << resident.body;
  EXPECT_EQ(resident.Json().at("phone"), "13812345678");
  db::Session session(server_.application().database());
  EXPECT_EQ(server_.application().audit_writer().CountFor(session.sql(), "request.unmask", heping_request), 1);
}

TEST_F(RequestApiTest, TheOwnerLinksEvidenceToANoteOrItsReplyAndThoseWhoReadTheRequestDownloadIt) {
  const std::string pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
  const std::int64_t id = TakeId("03.01.01", heping_li_);  // a community's to handle
  const auto upload = [&](HttpClient& client, const std::string& name, const std::string& content = "") {
    return client.Upload(Path(id, "/attachments"), name, content.empty() ? pdf : content);
  };
  // Only the owner, and only with the request in hand.
  EXPECT_EQ(ErrorCode(upload(community_, "现场照片.pdf")), "resident_request.wrong_state");
  ASSERT_EQ(Act(community_, id, "sign").status, 200);
  EXPECT_EQ(upload(street_, "现场照片.pdf").status, 403);
  EXPECT_EQ(upload(police_staff_, "现场照片.pdf").status, 404);  // cannot see it at all
  EXPECT_EQ(ErrorCode(upload(community_, "现场.exe", "MZ\x90")), "attachment.type_not_allowed");
  const auto photo = upload(community_, "现场照片.pdf");
  ASSERT_EQ(photo.status, 201) << photo.body;
  const std::int64_t photo_id = photo.Json().at("id").as_int64();
  const auto receipt = upload(community_, "清运回执.pdf");
  ASSERT_EQ(receipt.status, 201) << receipt.body;
  const std::int64_t receipt_id = receipt.Json().at("id").as_int64();
  const std::string photo_path = Path(id, "/attachments/" + std::to_string(photo_id));

  // Until a note links it, only the uploader's org sees the upload.
  EXPECT_EQ(street_.Get(photo_path).status, 404);
  EXPECT_EQ(community_.Get(photo_path).status, 200);

  // A note that names an upload it may not link writes nothing.
  const auto steps_before = StepKinds(Detail(community_, id)).size();
  EXPECT_EQ(ErrorCode(Act(community_, id, "notes", {{"text", "已清运"}, {"attachment_ids", {photo_id, 999999}}})),
            "attachment.not_found");
  boost::json::array many;
  for (int i = 0; i < 21; ++i) many.push_back(photo_id);
  EXPECT_EQ(ErrorCode(Act(community_, id, "notes", {{"text", "已清运"}, {"attachment_ids", many}})),
            "resident_request.too_many_attachments");
  EXPECT_EQ(StepKinds(Detail(community_, id)).size(), steps_before);

  const auto noted =
      Act(community_, id, "notes", {{"text", "联合物业清运楼道垃圾，附现场照片"}, {"attachment_ids", {photo_id}}});
  ASSERT_EQ(noted.status, 201) << noted.body;
  // Linked once: the reply cannot take the same file again, and stays unwritten.
  EXPECT_EQ(ErrorCode(Act(community_, id, "reply", {{"text", "已处理"}, {"attachment_ids", {photo_id}}})),
            "attachment.not_found");
  EXPECT_EQ(Detail(community_, id).at("state"), "in_hand");
  const auto replied = Act(community_, id, "reply", {{"text", "垃圾已清运"}, {"attachment_ids", {receipt_id}}});
  ASSERT_EQ(replied.status, 200) << replied.body;

  // Each step shows its own evidence, to everyone who reads the request.
  const auto detail = Detail(street_, id);
  std::map<std::string, std::vector<std::string>> files_by_step;
  for (const auto& step : detail.at("steps").as_array()) {
    for (const auto& file : step.at("attachments").as_array()) {
      files_by_step[std::string(step.at("kind").as_string())].emplace_back(file.at("file_name").as_string());
    }
  }
  EXPECT_EQ(files_by_step, (std::map<std::string, std::vector<std::string>>{{"note", {"现场照片.pdf"}},
                                                                            {"replied", {"清运回执.pdf"}}}));
  const auto download = street_.Get(photo_path);
  ASSERT_EQ(download.status, 200) << download.body;
  EXPECT_EQ(download.body, pdf);
  EXPECT_EQ(operator_.Get(photo_path).status, 200);  // the first receiver
  EXPECT_EQ(district_.Get(photo_path).status, 200);  // the territory's district
  EXPECT_EQ(police_staff_.Get(photo_path).status, 404);
  // Another request's path does not reach this request's file.
  const std::int64_t other = TakeId("03.01.01", heping_li_);
  EXPECT_EQ(street_.Get(Path(other, "/attachments/" + std::to_string(photo_id))).status, 404);

  db::Session session(server_.application().database());
  const auto& audit = server_.application().audit_writer();
  EXPECT_EQ(audit.CountFor(session.sql(), "request.attach", photo_id), 1);
  EXPECT_EQ(audit.CountFor(session.sql(), "request.attach", receipt_id), 1);
}

// Every figure of the rates opens the requests behind it: as many as the figure says, newest first,
// page after page, for the whole city and for a street alike.
TEST_F(RequestApiTest, TheDrillDownListsAsManyRequestsAsTheFigureNewestFirst) {
  std::vector<std::int64_t> heping_ids, all_ids;
  for (int i = 0; i < 3; ++i) {
    server_.clock().Advance(60);
    heping_ids.push_back(TakeId("03.01.01", heping_li_));
    all_ids.push_back(heping_ids.back());
    server_.clock().Advance(60);
    all_ids.push_back(TakeId("03.01.01", shengli_community_));
  }
  const auto list = [&](HttpClient& client, std::int64_t org, const std::string& measure, int page) {
    const auto result = client.Get("/api/v1/requests?org=" + std::to_string(org) + "&month=" + Month() +
                                   "&measure=" + measure + "&page_size=4&page=" + std::to_string(page));
    EXPECT_EQ(result.status, 200) << result.body;
    return result.Json();
  };
  const auto ids_of = [](const boost::json::value& page) {
    std::vector<std::int64_t> ids;
    for (const auto& item : page.at("items").as_array()) ids.push_back(item.at("id").as_int64());
    return ids;
  };
  for (auto& [client, org, expected] : std::vector<std::tuple<HttpClient*, std::int64_t, std::vector<std::int64_t>>>{
           {&city_, city_id_, all_ids}, {&street_, heping_, heping_ids}}) {
    const std::int64_t figure = Rates(*client, org).at("counts").at("received").as_int64();
    EXPECT_EQ(figure, static_cast<std::int64_t>(expected.size()));
    const auto first = list(*client, org, "received", 1);
    EXPECT_EQ(first.at("total").as_int64(), figure);
    std::vector<std::int64_t> seen = ids_of(first);
    for (const std::int64_t id : ids_of(list(*client, org, "received", 2))) seen.push_back(id);
    EXPECT_EQ(seen, std::vector<std::int64_t>(expected.rbegin(), expected.rend())) << "newest first, no gaps";
    EXPECT_EQ(list(*client, org, "satisfied", 1).at("total").as_int64(), 0);
  }
}

TEST_F(RequestApiTest, TheCatalogueIsEditedAsData) {
  const auto created = city_.Post("/api/v1/request-categories", Body({{"parent_code", "01.01"},
                                                                      {"name", "直播噪声"},
                                                                      {"owner_kind", "agency"},
                                                                      {"agency_kind", "police_station"},
                                                                      {"sla_class", "general"}}));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json().at("code"), "01.01.07");
  EXPECT_EQ(ErrorCode(city_.Post("/api/v1/request-categories", Body({{"parent_code", "22.03.01.01.01"},
                                                                     {"name", "第六级"},
                                                                     {"owner_kind", "street"},
                                                                     {"sla_class", "general"}}))),
            "resident_request.category_too_deep");
  EXPECT_EQ(ErrorCode(city_.Post("/api/v1/request-categories",
                                 Body({{"parent_code", "01.01"}, {"name", "无承办"}, {"sla_class", "general"}}))),
            "resident_request.invalid_category_owner");
  EXPECT_EQ(street_.Post("/api/v1/request-categories", Body({{"name", "街道自建"}})).status, 403);
  const auto sla = city_.Send(boost::beast::http::verb::put, "/api/v1/request-sla-classes/general",
                              Body({{"name", "一般"},
                                    {"sign_for_minutes", 60},
                                    {"contact_minutes", 720},
                                    {"resolution_minutes", 7200},
                                    {"warning_minutes", 7200},
                                    {"max_extension_days", 5}}));
  EXPECT_EQ(ErrorCode(sla), "resident_request.invalid_sla_class");  // the warning must come before the deadline
}

}  // namespace
}  // namespace liandong::request
