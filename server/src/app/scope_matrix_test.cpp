// Generated from the route table: for every route and every demo role, call it on objects of a
// sibling subtree (the neighbouring district, street or community) and expect a denial with none
// of the sibling's data in the body. A new route joins the matrix by itself; one whose object kind
// the matrix does not know fails here until it is taught below.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "testing/test_server.hpp"

namespace liandong::app {
namespace {

using testing::HttpClient;
using testing::TestServer;

// Signed-in routes that act on no org-scoped object, with the reason. (Public routes and those of
// one's own account, Access::kOwnAccount, are left out by their access.)
const std::set<std::string> kUnscoped = {
    "GET /api/v1/orgs",       // search: scoped to the subtree, or names only with anywhere=true
    "GET /api/v1/transfers",  // lists the actor's own incoming and outgoing transfers
};

struct Sibling {
  std::string role;
  std::string own_org;      // the role's org
  std::string sibling_org;  // an org of the same level under the same parent
};

const std::vector<Sibling> kSiblings = {
    {"district", "东城区", "西城区"},
    {"street", "和平街道", "胜利街道"},
    {"community", "和平里社区", "东风社区"},
};

class ScopeMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override { city_ = std::make_unique<HttpClient>(server_.SignedIn("city")); }

  std::int64_t OrgId(const std::string& name) {
    const boost::json::value hits = city_->Get("/api/v1/orgs?q=" + name + "&limit=100").Json();
    for (const auto& hit : hits.at("items").as_array()) {
      if (hit.at("name").as_string() == name) return hit.at("id").as_int64();
    }
    ADD_FAILURE() << "no org " << name;
    return 0;
  }

  // Some org strictly inside `org_id`'s subtree whose members exist: a community.
  std::int64_t CommunityUnder(std::int64_t org_id) {
    std::int64_t current = org_id;
    for (int depth = 0; depth < 4; ++depth) {
      const auto org = city_->Get("/api/v1/orgs/" + std::to_string(current)).Json();
      if (org.at("level").as_string() == "community") return current;
      const auto children = city_->Get("/api/v1/orgs/" + std::to_string(current) + "/children").Json();
      current = children.at("items").as_array()[0].at("id").as_int64();
    }
    return current;
  }

  // The id of an object of `kind` inside the sibling subtree, made by the city user if needed.
  std::int64_t ForeignObject(const std::string& kind, std::int64_t sibling_id) {
    auto& cached = foreign_objects_[{kind, sibling_id}];
    if (cached == 0) cached = MakeForeignObject(kind, sibling_id);
    return cached;
  }

  std::int64_t MakeForeignObject(const std::string& kind, std::int64_t sibling_id) {
    const std::int64_t community = CommunityUnder(sibling_id);
    if (kind == "orgs") return sibling_id;
    const auto members = city_->Get("/api/v1/members?org=" + std::to_string(community)).Json().at("items").as_array();
    const std::int64_t member_id = members[0].at("id").as_int64();
    if (kind == "members") return member_id;
    if (kind == "transfers") {
      // A transfer between two orgs of the sibling subtree.
      const auto children = city_->Get("/api/v1/orgs/" + std::to_string(community) + "/children").Json();
      const std::int64_t grid = children.at("items").as_array()[0].at("id").as_int64();
      const auto transfer =
          city_->Post("/api/v1/members/" + std::to_string(members[1].at("id").as_int64()) + "/transfers",
                      boost::json::serialize(boost::json::object{{"to_org_id", grid}}));
      EXPECT_EQ(transfer.status, 201) << transfer.body;
      return transfer.Json().at("id").as_int64();
    }
    ADD_FAILURE() << "the scope matrix does not know objects of kind '" << kind
                  << "': teach ForeignObject how to make one outside a subtree";
    return 0;
  }

  // A body that passes validation, so that only the scope can refuse the request.
  std::string BodyFor(const http::Route& route, std::int64_t own_org_id) {
    const std::string& pattern = route.pattern;
    if (pattern == "/api/v1/orgs/{id}/move") return "{\"parent_id\":" + std::to_string(own_org_id) + "}";
    if (pattern == "/api/v1/members/{id}/transfers") return "{\"to_org_id\":" + std::to_string(own_org_id) + "}";
    if (pattern == "/api/v1/transfers/{id}/refuse") return R"({"reason":"越权测试"})";
    if (route.method == http::Verb::patch) return R"({"name":"越权修改"})";
    return "{}";
  }

  TestServer server_;
  std::unique_ptr<HttpClient> city_;
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> foreign_objects_;
};

TEST_F(ScopeMatrixTest, EveryRouteDeniesObjectsOfASiblingSubtree) {
  const auto& routes = server_.application().router().routes();
  int checked = 0;
  for (const Sibling& sibling : kSiblings) {
    const std::int64_t sibling_id = OrgId(sibling.sibling_org);
    const std::int64_t own_id = OrgId(sibling.own_org);
    HttpClient client = server_.SignedIn(sibling.role);
    for (const http::Route& route : routes) {
      const std::string name = std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern;
      if (route.access != http::Access::kSignedIn || kUnscoped.count(name) > 0) continue;
      std::string target = route.pattern;
      std::string body = BodyFor(route, own_id);
      const auto parameter = target.find("{id}");
      if (parameter != std::string::npos) {
        const std::string kind = route.segments[2];  // api / v1 / <kind> / {id} …
        target.replace(parameter, 4, std::to_string(ForeignObject(kind, sibling_id)));
      } else if (route.method == http::Verb::get) {
        target += "?org=" + std::to_string(sibling_id);  // lists and exports take the subtree as ?org=
      } else {
        // Creation and import name the org in the body.
        body = route.pattern.ends_with("/import")
                   ? "{\"rows\":[{\"org_id\":" + std::to_string(sibling_id) + "}]}"
                   : "{\"parent_id\":" + std::to_string(sibling_id) + ",\"org_id\":" + std::to_string(sibling_id) +
                         ",\"level\":\"grid\",\"kind\":\"branch\",\"name\":\"越权\",\"gender\":\"male\"," +
                         "\"id_number\":\"11010519491231002X\"}";
      }
      const auto result = client.Send(route.method, target, body);
      const std::string where = sibling.role + ": " + name + " as " + target;
      if (route.pattern.ends_with("/import")) {
        // An import answers 200 with every foreign row refused, and nothing written.
        EXPECT_EQ(result.status, 200) << where << " → " << result.body;
        const auto report = result.Json();
        EXPECT_EQ(report.at("created").as_int64() + report.at("updated").as_int64(), 0) << where;
        EXPECT_EQ(report.at("errors").as_array().size(), 1u) << where;
      } else {
        EXPECT_TRUE(result.status == 403 || result.status == 404)
            << where << " → " << result.status << " " << result.body;
      }
      EXPECT_EQ(result.body.find(sibling.sibling_org), std::string::npos) << where << " leaked " << result.body;
      ++checked;
    }
  }
  EXPECT_GT(checked, 20);
}

// Every GET route, called on the role's own objects by roles without member:unmask, answers
// without a single full ID number.
TEST_F(ScopeMatrixTest, NoResponseCarriesAFullIdNumberWithoutUnmask) {
  const std::regex full_id_number("[1-9][0-9]{16}[0-9X]");
  for (const std::string role : {"street", "community"}) {
    HttpClient client = server_.SignedIn(role);
    const auto me = client.Get("/api/v1/me").Json();
    const std::int64_t own_org = me.at("user").at("org").at("id").as_int64();
    const std::int64_t community = CommunityUnder(own_org);
    const auto members = client.Get("/api/v1/members").Json().at("items").as_array();
    ASSERT_FALSE(members.empty());
    const std::int64_t member_id = members[0].at("id").as_int64();
    for (const http::Route& route : server_.application().router().routes()) {
      if (route.method != http::Verb::get) continue;
      std::string target = route.pattern;
      const auto parameter = target.find("{id}");
      if (parameter != std::string::npos) {
        const std::string kind = route.segments[2];
        const std::int64_t id = kind == "members" ? member_id : community;
        target.replace(parameter, 4, std::to_string(id));
      }
      const auto result = client.Get(target);
      EXPECT_FALSE(std::regex_search(result.body, full_id_number)) << role << " " << target << ": " << result.body;
    }
  }
}

}  // namespace
}  // namespace liandong::app
