// Creating, editing, archiving, moving and searching orgs over HTTP, on both databases.
#include <gtest/gtest.h>

#include "testing/test_server.hpp"

namespace liandong::org {
namespace {

using testing::HttpClient;
using testing::TestServer;

std::string Json(const boost::json::object& object) { return boost::json::serialize(object); }

class OrgTreeApiTest : public ::testing::Test {
 protected:
  std::int64_t OwnOrgId(HttpClient& client) {
    return client.Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
  }
  // The id of the first org (in the city user's view) with this name.
  std::int64_t IdOf(const std::string& name) {
    HttpClient& city = CityForLookups();
    const boost::json::value response_json1 = city.Get("/api/v1/orgs?q=" + name + "&limit=100").Json();
    for (const auto& hit : response_json1.at("items").as_array()) {
      if (hit.at("name").as_string() == name) return hit.at("id").as_int64();
    }
    ADD_FAILURE() << "no org named " << name;
    return 0;
  }
  std::vector<std::string> ChildNames(HttpClient& client, std::int64_t id) {
    std::vector<std::string> names;
    const boost::json::value response_json2 = client.Get("/api/v1/orgs/" + std::to_string(id) + "/children").Json();
    for (const auto& child : response_json2.at("items").as_array()) {
      names.emplace_back(child.at("name").as_string());
    }
    return names;
  }
  std::int64_t Count(HttpClient& client, std::int64_t id, const std::string& level) {
    const boost::json::value response_json3 = client.Get("/api/v1/orgs/" + std::to_string(id) + "/stats").Json();
    for (const auto& entry : response_json3.at("by_level").as_array()) {
      if (entry.at("level").as_string() == level) return entry.at("count").as_int64();
    }
    return 0;
  }
  // One session for lookups: each login would otherwise end the oldest of a user's three sessions.
  HttpClient& CityForLookups() {
    if (!lookups_) lookups_ = std::make_unique<HttpClient>(server_.SignedIn("city"));
    return *lookups_;
  }
  TestServer server_;
  std::unique_ptr<HttpClient> lookups_;
};

TEST_F(OrgTreeApiTest, StreetCreatesACommunityThatShowsInTheTreeAndTheCounts) {
  HttpClient street = server_.SignedIn("street");
  const std::int64_t street_id = OwnOrgId(street);
  const auto created = street.Post("/api/v1/orgs", Json({{"parent_id", street_id},
                                                         {"level", "community"},
                                                         {"kind", "branch"},
                                                         {"name", "新建社区"},
                                                         {"secretary", "李书记"},
                                                         {"founded_on", "2026-01-01"}}));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto org = created.Json();
  EXPECT_EQ(org.at("name").as_string(), "新建社区");
  EXPECT_EQ(org.at("secretary").as_string(), "李书记");
  EXPECT_EQ(org.at("founded_on").as_string(), "2026-01-01");
  EXPECT_EQ(org.at("path").as_array().size(), 4u);
  EXPECT_EQ(org.at("child_count").as_int64(), 0);
  const auto children = ChildNames(street, street_id);
  EXPECT_NE(std::find(children.begin(), children.end(), "新建社区"), children.end());
  EXPECT_EQ(Count(street, street_id, "community"), 4);

  HttpClient city = server_.SignedIn("city");
  const auto self = city.Get("/api/v1/orgs/" + std::to_string(street_id)).Json();
  EXPECT_EQ(self.at("child_count").as_int64(), 4) << "every level above sees it at once";
}

TEST_F(OrgTreeApiTest, InvalidOrgsAreRefusedWithTheirReason) {
  HttpClient street = server_.SignedIn("street");
  const std::int64_t street_id = OwnOrgId(street);
  struct Case {
    boost::json::object body;
    int status;
    std::string code;
  };
  const std::vector<Case> cases = {
      {{{"parent_id", street_id}, {"level", "community"}, {"kind", "party"}, {"name", "甲"}}, 400, "org.invalid_kind"},
      {{{"parent_id", street_id}, {"level", "社区"}, {"kind", "branch"}, {"name", "甲"}}, 400, "org.invalid_level"},
      {{{"parent_id", street_id}, {"level", "community"}, {"kind", "branch"}, {"name", "  "}},
       400,
       "request.invalid_argument"},
      {{{"parent_id", street_id},
        {"level", "community"},
        {"kind", "branch"},
        {"name", "甲"},
        {"founded_on", "2026-02-30"}},
       400,
       "request.invalid_date"},
      {{{"level", "community"}, {"kind", "branch"}, {"name", "甲"}}, 400, "request.invalid_argument"},
      {{{"parent_id", 999999}, {"level", "community"}, {"kind", "branch"}, {"name", "甲"}}, 404, "org.not_found"},
      // Outside the subtree: as if it did not exist.
      {{{"parent_id", IdOf("胜利街道")}, {"level", "community"}, {"kind", "branch"}, {"name", "甲"}},
       404,
       "org.not_found"},
  };
  for (const Case& c : cases) {
    const auto result = street.Post("/api/v1/orgs", Json(c.body));
    EXPECT_EQ(result.status, c.status) << Json(c.body) << " → " << result.body;
    EXPECT_EQ(result.Json().at("error").at("code").as_string(), c.code) << Json(c.body);
  }
  EXPECT_EQ(Count(street, street_id, "community"), 3) << "nothing was half-written";
}

TEST_F(OrgTreeApiTest, TwoCharacterChineseSearchFindsOrgsInScope) {
  HttpClient city = server_.SignedIn("city");
  std::vector<std::string> names;
  const boost::json::value response_json4 = city.Get("/api/v1/orgs?q=和平").Json();
  for (const auto& hit : response_json4.at("items").as_array()) {
    names.emplace_back(hit.at("name").as_string());
    EXPECT_EQ(hit.at("path").as_array().front().at("name").as_string(), "示范市");
  }
  ASSERT_GE(names.size(), 3u);
  EXPECT_EQ(names[0], "和平街道") << "shallowest first";
  EXPECT_EQ(names[1], "和平派出所");  // an agency of the district, as deep as the street
  EXPECT_EQ(names[2], "和平里社区");
  for (const std::string& name : names) EXPECT_NE(name.find("和平"), std::string::npos) << name;

  EXPECT_EQ(city.Get("/api/v1/orgs?q=平街").Json().at("items").as_array().size(), 1u) << "any two characters";
  EXPECT_EQ(city.Get("/api/v1/orgs?q=和平街道").Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(city.Get("/api/v1/orgs?q=和").Json().at("items").as_array().size(), names.size()) << "one character";
  EXPECT_TRUE(city.Get("/api/v1/orgs?q=不存在").Json().at("items").as_array().empty());

  HttpClient street = server_.SignedIn("street");
  EXPECT_TRUE(street.Get("/api/v1/orgs?q=胜利").Json().at("items").as_array().empty()) << "outside the subtree";
  const auto anywhere = street.Get("/api/v1/orgs?q=胜利街道&anywhere=true").Json().at("items").as_array();
  ASSERT_EQ(anywhere.size(), 1u) << "names anywhere, to pick a transfer's receiving org";
  EXPECT_EQ(anywhere[0].at("name").as_string(), "胜利街道");
  EXPECT_EQ(street.Get("/api/v1/orgs?q=和平&limit=0").status, 400);
}

TEST_F(OrgTreeApiTest, RenamingUpdatesSearch) {
  HttpClient city = server_.SignedIn("city");
  const std::int64_t id = IdOf("东风社区");
  const auto renamed = city.Send(boost::beast::http::verb::patch, "/api/v1/orgs/" + std::to_string(id),
                                 Json({{"name", "春风社区"}, {"address", "春风路 1 号"}}));
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json().at("address").as_string(), "春风路 1 号");
  EXPECT_EQ(renamed.Json().at("kind").as_string(), "general_branch") << "untouched fields stay";
  EXPECT_EQ(city.Get("/api/v1/orgs?q=春风").Json().at("items").as_array().size(), 1u);
  const boost::json::value old_name = city.Get("/api/v1/orgs?q=东风社区").Json();
  for (const auto& hit : old_name.at("items").as_array()) EXPECT_NE(hit.at("name"), "东风社区") << old_name;
}

TEST_F(OrgTreeApiTest, ArchivingNeedsAnEmptyOrgAndHidesIt) {
  HttpClient street = server_.SignedIn("street");
  const std::int64_t street_id = OwnOrgId(street);
  const std::int64_t community_id = IdOf("和平里社区");
  const auto refused = street.Post("/api/v1/orgs/" + std::to_string(community_id) + "/archive", "{}");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.Json().at("error").at("code").as_string(), "org.not_empty");

  const auto children =
      street.Get("/api/v1/orgs/" + std::to_string(community_id) + "/children").Json().at("items").as_array();
  std::int64_t grid_id = 0;
  for (const auto& child : children) {
    if (child.at("level") == "grid" && grid_id == 0) grid_id = child.at("id").as_int64();
  }
  ASSERT_NE(grid_id, 0);
  const auto archived = street.Post("/api/v1/orgs/" + std::to_string(grid_id) + "/archive", "{}");
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_TRUE(archived.Json().at("archived").as_bool());
  EXPECT_EQ(ChildNames(street, community_id).size(), children.size() - 1);
  EXPECT_EQ(Count(street, street_id, "grid"), 5);
  EXPECT_EQ(street.Get("/api/v1/orgs/" + std::to_string(grid_id)).status, 200) << "kept, with its history";
  EXPECT_EQ(street.Post("/api/v1/orgs/" + std::to_string(street_id) + "/archive", "{}").status, 403)
      << "not one's own org";
}

TEST_F(OrgTreeApiTest, MovingASubtreeRepathsItAtomically) {
  HttpClient city = server_.SignedIn("city");
  const std::int64_t community_id = IdOf("和平里社区");
  const std::int64_t from_id = IdOf("和平街道");
  const std::int64_t to_id = IdOf("胜利街道");
  const auto moved = city.Post("/api/v1/orgs/" + std::to_string(community_id) + "/move", Json({{"parent_id", to_id}}));
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json().at("parent_id").as_int64(), to_id);
  EXPECT_EQ(moved.Json().at("path").as_array()[2].at("name").as_string(), "胜利街道");
  EXPECT_EQ(Count(city, to_id, "community"), 4);
  EXPECT_EQ(Count(city, to_id, "grid"), 8) << "the grids came along";
  EXPECT_EQ(Count(city, from_id, "grid"), 4);
  const auto grid =
      city.Get("/api/v1/orgs/" + std::to_string(community_id) + "/children").Json().at("items").as_array()[0];
  const auto grid_path =
      city.Get("/api/v1/orgs/" + std::to_string(grid.at("id").as_int64())).Json().at("path").as_array();
  EXPECT_EQ(grid_path[2].at("name").as_string(), "胜利街道");

  // The street user of 和平街道 no longer sees it; moving into one's own subtree is refused.
  HttpClient street = server_.SignedIn("street");
  EXPECT_EQ(street.Get("/api/v1/orgs/" + std::to_string(community_id)).status, 404);
  const auto loop = city.Post("/api/v1/orgs/" + std::to_string(to_id) + "/move", Json({{"parent_id", community_id}}));
  EXPECT_EQ(loop.status, 400);
  EXPECT_EQ(loop.Json().at("error").at("code").as_string(), "org.invalid_move");
}

}  // namespace
}  // namespace liandong::org
