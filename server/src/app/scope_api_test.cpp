// Every route of the organisation system, for each demo role below the city, aimed at objects of a
// sibling subtree: each must be denied, with nothing but the error in the body. A new route fails
// this test until it gets a rule below.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "features/unit/unit_credit_code.hpp"
#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::app {
namespace {

using boost::beast::http::verb;
using testing::DemoOrgId;
using testing::DemoUnitId;
using testing::HttpClient;
using testing::TestServer;

// Routes outside any org's subtree: public, or about the signed-in user only.
const std::set<std::string> kUnscopedRoutes = {
    "GET /api/v1/health",     "GET /api/v1/openapi.json", "POST /api/v1/session",
    "DELETE /api/v1/session", "GET /api/v1/me",
};

// A valid body for each state-changing route (validation must not answer before the scope check).
// {org} stands for the sibling org's id.
const std::map<std::string, std::string> kBodies = {
    {"POST /api/v1/units",
     R"({"name":"越界单位","credit_code":"CODE","unit_kind":"other","org_id":{org},"eligible_for_org":true})"},
    {"POST /api/v1/units/import",
     R"({"rows":[{"name":"越界单位","credit_code":"CODE","unit_kind":"other","org_id":{org}}]})"},
    {"PATCH /api/v1/units/{id}", R"({"instructor":"越界指导员"})"},
    {"POST /api/v1/units/{id}/archive", ""},
    {"PUT /api/v1/orgs/{id}/joint-committee", R"({"name":"越界委员会"})"},
    {"POST /api/v1/orgs/{id}/joint-committee/members",
     R"({"person_name":"越界成员","post":"委员","term_start":"2025-01-01"})"},
    {"PATCH /api/v1/joint-committee-members/{member_id}", R"({"post":"书记"})"},
    {"DELETE /api/v1/joint-committee-members/{member_id}", ""},
    {"PUT /api/v1/orgs/{id}/street-profile", R"({"office_set_up":true})"},
};

// The objects of a subtree that a role must not reach.
struct Sibling {
  std::string role;
  std::int64_t org_id = 0;     // a street or community
  std::int64_t unit_id = 0;    // located there
  std::int64_t member_id = 0;  // on that org's joint committee
};

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

TEST(ScopeApiTest, EveryRouteDeniesASiblingSubtree) {
  TestServer server;
  HttpClient city = server.SignedIn("city");
  std::vector<Sibling> siblings = {
      {"district", DemoOrgId(city, {"西城区", "光明街道"}), DemoUnitId(city, "光明建筑工程有限公司")},
      {"street", DemoOrgId(city, {"东城区", "胜利街道"}), DemoUnitId(city, "胜利中学")},
      {"community", DemoOrgId(city, {"东城区", "和平街道", "东风社区"}), DemoUnitId(city, "东风物流有限公司")},
  };
  for (Sibling& sibling : siblings) {
    const std::string committee = "/api/v1/orgs/" + std::to_string(sibling.org_id) + "/joint-committee";
    ASSERT_EQ(city.Send(verb::put, committee, R"({"name":"委员会"})").status, 201);
    const auto member = city.Post(committee + "/members",
                                  R"({"person_name":"成员","post":"委员","term_start":"2025-01-01","unit_id":)" +
                                      std::to_string(sibling.unit_id) + "}");
    ASSERT_EQ(member.status, 201) << member.body;
    sibling.member_id = member.Json().at("id").as_int64();
  }

  int checked = 0;
  for (const auto& route : server.application().router().routes()) {
    const std::string key = std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern;
    if (kUnscopedRoutes.contains(key)) continue;
    const bool changes_state = route.method != verb::get;
    const auto body = kBodies.find(key);
    if (changes_state && body == kBodies.end()) {
      ADD_FAILURE() << "no scope rule for " << key << ": add its body to kBodies";
      continue;
    }
    for (const Sibling& sibling : siblings) {
      HttpClient client = server.SignedIn(sibling.role);
      std::string target = route.pattern;
      if (target.find("/orgs/{id}") != std::string::npos) {
        target = Replace(target, "{id}", std::to_string(sibling.org_id));
      } else if (target.find("/units/{id}") != std::string::npos) {
        target = Replace(target, "{id}", std::to_string(sibling.unit_id));
      }
      target = Replace(target, "{member_id}", std::to_string(sibling.member_id));
      ASSERT_EQ(target.find('{'), std::string::npos) << "no sibling object for the parameters of " << key;
      if (!changes_state && target == route.pattern) target += "?org=" + std::to_string(sibling.org_id);
      std::string payload = changes_state ? body->second : "";
      payload = Replace(payload, "{org}", std::to_string(sibling.org_id));
      payload = Replace(payload, "CODE", unit::CompleteCreditCode("91110101MC0000001"));

      const auto result = client.Send(route.method, target, payload);
      if (key == "POST /api/v1/units/import") {
        // An import answers per row: the row is refused and nothing is written.
        ASSERT_EQ(result.status, 200) << sibling.role << " " << result.body;
        const auto summary = result.Json();
        EXPECT_EQ(summary.at("created").as_int64() + summary.at("updated").as_int64(), 0) << sibling.role;
        ASSERT_EQ(summary.at("errors").as_array().size(), 1u) << result.body;
        EXPECT_EQ(summary.at("errors").as_array()[0].at("code").as_string(), "unit.org_outside_scope");
      } else {
        EXPECT_EQ(result.status, 403) << sibling.role << " " << key << " " << result.body;
        const auto error = result.Json();
        EXPECT_EQ(error.as_object().size(), 1u) << "nothing but the error: " << result.body;
        EXPECT_TRUE(error.as_object().contains("error")) << result.body;
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 3 * 16);
}

}  // namespace
}  // namespace liandong::app
