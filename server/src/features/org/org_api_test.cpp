#include <gtest/gtest.h>

#include "testing/test_server.hpp"

namespace liandong::org {
namespace {

using testing::HttpClient;
using testing::TestServer;

std::map<std::string, std::int64_t> CountsByLevel(const boost::json::value& stats) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& entry : stats.at("by_level").as_array()) {
    counts[std::string(entry.at("level").as_string())] = entry.at("count").as_int64();
  }
  return counts;
}

class OrgApiTest : public ::testing::Test {
 protected:
  std::int64_t OwnOrgId(HttpClient& client) {
    return client.Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
  }
  TestServer server_;
};

TEST_F(OrgApiTest, StatsCountTheSubtreePerLevelTopDown) {
  HttpClient city = server_.SignedIn("city");
  const auto stats = city.Get("/api/v1/orgs/" + std::to_string(OwnOrgId(city)) + "/stats").Json();
  // The demo units' own branches and joint branches are orgs of level "unit" (10 in the city); the
  // agencies that the districts station in the streets are orgs of level "agency" (7).
  EXPECT_EQ(stats.at("total").as_int64(), 2 + 7 + 4 + 12 + 24 + 10);
  const auto& by_level = stats.at("by_level").as_array();
  ASSERT_EQ(by_level.size(), 6u);
  EXPECT_EQ(by_level[0].at("level").as_string(), "district");
  EXPECT_EQ(by_level[1].at("level").as_string(), "agency");  // as deep as the streets
  EXPECT_EQ(by_level[2].at("level").as_string(), "street");
  EXPECT_EQ(by_level[3].at("level").as_string(), "community");
  EXPECT_EQ(by_level[4].at("level").as_string(), "grid");
  EXPECT_EQ(by_level[5].at("level").as_string(), "unit");
  EXPECT_EQ((CountsByLevel(stats)),
            (std::map<std::string, std::int64_t>{
                {"district", 2}, {"agency", 7}, {"street", 4}, {"community", 12}, {"grid", 24}, {"unit", 10}}));

  HttpClient street = server_.SignedIn("street");
  const auto street_stats = street.Get("/api/v1/orgs/" + std::to_string(OwnOrgId(street)) + "/stats").Json();
  EXPECT_EQ(street_stats.at("total").as_int64(), 3 + 6 + 5);
  EXPECT_EQ(CountsByLevel(street_stats),
            (std::map<std::string, std::int64_t>{{"community", 3}, {"grid", 6}, {"unit", 5}}));
}

TEST_F(OrgApiTest, OrgComesWithItsPathFromTheRoot) {
  HttpClient street = server_.SignedIn("street");
  const auto org = street.Get("/api/v1/orgs/" + std::to_string(OwnOrgId(street))).Json();
  EXPECT_EQ(org.at("name").as_string(), "和平街道");
  EXPECT_EQ(org.at("level").as_string(), "street");
  EXPECT_EQ(org.at("kind").as_string(), "working_committee");
  std::vector<std::string> names;
  for (const auto& step : org.at("path").as_array()) names.emplace_back(step.at("name").as_string());
  EXPECT_EQ(names, (std::vector<std::string>{"示范市", "东城区", "和平街道"}));
}

TEST_F(OrgApiTest, NobodySeesOutsideTheirSubtree) {
  HttpClient city = server_.SignedIn("city");
  const std::int64_t city_id = OwnOrgId(city);
  HttpClient street = server_.SignedIn("street");
  const std::int64_t street_id = OwnOrgId(street);
  HttpClient community = server_.SignedIn("community");
  const std::int64_t community_id = OwnOrgId(community);

  // A sibling street in the same district, and the street's parent.
  const auto district = street.Get("/api/v1/orgs/" + std::to_string(street_id)).Json().at("path").as_array()[1];
  const std::int64_t district_id = district.at("id").as_int64();
  std::int64_t sibling_id = 0;
  for (std::int64_t id = 1; id < 80 && sibling_id == 0; ++id) {
    const auto org = city.Get("/api/v1/orgs/" + std::to_string(id));
    if (org.status == 200 && org.Json().at("level") == "street" && org.Json().at("parent_id") == district_id &&
        id != street_id) {
      sibling_id = id;
    }
  }
  ASSERT_NE(sibling_id, 0);

  for (const std::string suffix : {"", "/stats"}) {
    for (const std::int64_t foreign : {sibling_id, district_id, city_id}) {
      const auto result = street.Get("/api/v1/orgs/" + std::to_string(foreign) + suffix);
      EXPECT_EQ(result.status, 404) << foreign << suffix;  // as if it did not exist
      EXPECT_EQ(result.body.find("\"name\""), std::string::npos) << result.body;
      EXPECT_EQ(result.body.find("街道\""), std::string::npos) << result.body;
    }
    EXPECT_EQ(community.Get("/api/v1/orgs/" + std::to_string(street_id) + suffix).status, 404);
    EXPECT_EQ(community.Get("/api/v1/orgs/" + std::to_string(community_id) + suffix).status, 200);
    EXPECT_EQ(city.Get("/api/v1/orgs/" + std::to_string(sibling_id) + suffix).status, 200);
  }
}

TEST_F(OrgApiTest, BadAndMissingIds) {
  HttpClient city = server_.SignedIn("city");
  for (const char* id : {"abc", "0", "-1", "1.5", "99999999999999999999"}) {
    const auto result = city.Get(std::string("/api/v1/orgs/") + id);
    EXPECT_EQ(result.status, 400) << id;
    EXPECT_EQ(result.Json().at("error").at("code").as_string(), "request.invalid_argument");
  }
  const auto missing = city.Get("/api/v1/orgs/987654");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.Json().at("error").at("code").as_string(), "org.not_found");
  EXPECT_EQ(server_.Client().Get("/api/v1/orgs/1").status, 401);
}

}  // namespace
}  // namespace liandong::org
