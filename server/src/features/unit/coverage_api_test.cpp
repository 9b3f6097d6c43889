#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "features/unit/unit_credit_code.hpp"
#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::unit {
namespace {

using boost::beast::http::verb;
using testing::DemoOrgId;
using testing::DemoUnitId;
using testing::HttpClient;
using testing::TestServer;

// eligible, own_org, joint_branch, work_only, uncovered
using Counts = std::array<std::int64_t, 5>;

Counts CountsOf(const boost::json::value& body) {
  return {body.at("eligible").as_int64(), body.at("own_org").as_int64(), body.at("joint_branch").as_int64(),
          body.at("work_only").as_int64(), body.at("uncovered").as_int64()};
}

std::map<std::string, Counts> CountsByChild(const boost::json::value& coverage) {
  std::map<std::string, Counts> counts;
  for (const auto& child : coverage.at("by_child").as_array()) {
    counts[std::string(child.at("name").as_string())] = CountsOf(child);
  }
  return counts;
}

std::string CoveragePath(std::int64_t org_id) { return "/api/v1/orgs/" + std::to_string(org_id) + "/coverage"; }

class CoverageApiTest : public ::testing::Test {
 protected:
  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient street_ = server_.SignedIn("street");
  std::int64_t city_id_ = DemoOrgId(city_, {});
  std::int64_t heping_ = DemoOrgId(street_, {});
  std::int64_t jianshe_ = DemoOrgId(street_, {"建设社区"});
};

TEST_F(CoverageApiTest, CountsTheDemoCity) {
  const struct {
    HttpClient* client;
    std::int64_t org_id;
    Counts total;
    double organisation_rate;
    double work_rate;
    std::map<std::string, Counts> by_child;
  } cases[] = {
      {&city_,
       city_id_,
       {20, 8, 4, 3, 5},
       12.0 / 20,
       15.0 / 20,
       {{"东城区", {13, 6, 2, 2, 3}}, {"西城区", {7, 2, 2, 1, 2}}}},
      {&street_,
       heping_,
       {9, 4, 2, 1, 2},
       6.0 / 9,
       7.0 / 9,
       {{"和平里社区", {2, 2, 0, 0, 0}}, {"东风社区", {3, 0, 2, 1, 0}}, {"建设社区", {4, 2, 0, 0, 2}}}},
      {&street_,
       jianshe_,
       {4, 2, 0, 0, 2},
       2.0 / 4,
       2.0 / 4,
       {{"第一网格党支部", {0, 0, 0, 0, 0}}, {"第二网格党支部", {0, 0, 0, 0, 0}}}},
  };
  for (const auto& test : cases) {
    const auto result = test.client->Get(CoveragePath(test.org_id));
    ASSERT_EQ(result.status, 200) << result.body;
    const auto coverage = result.Json();
    EXPECT_EQ(coverage.at("org_id").as_int64(), test.org_id);
    EXPECT_EQ(CountsOf(coverage), test.total) << test.org_id;
    EXPECT_NEAR(coverage.at("organisation_coverage_rate").to_number<double>(), test.organisation_rate, 1e-9);
    EXPECT_NEAR(coverage.at("work_coverage_rate").to_number<double>(), test.work_rate, 1e-9);
    EXPECT_EQ(CountsByChild(coverage), test.by_child) << "units' own orgs are not children to count";
  }
  const auto street_children = street_.Get(CoveragePath(heping_)).Json().at("by_child").as_array();
  EXPECT_EQ(street_children[0].at("level").as_string(), "community");
  EXPECT_EQ(street_children[0].at("name").as_string(), "和平里社区") << "in the order they were created";
}

TEST_F(CoverageApiTest, NoEligibleUnitsMeansRatesOfZero) {
  const std::int64_t grid = DemoOrgId(street_, {"建设社区", "第一网格党支部"});
  const auto coverage = street_.Get(CoveragePath(grid)).Json();
  EXPECT_EQ(CountsOf(coverage), (Counts{0, 0, 0, 0, 0}));
  EXPECT_EQ(coverage.at("organisation_coverage_rate").to_number<double>(), 0.0);
  EXPECT_EQ(coverage.at("work_coverage_rate").to_number<double>(), 0.0);
  EXPECT_TRUE(coverage.at("by_child").as_array().empty());
}

TEST_F(CoverageApiTest, MovesWhenAUnitGetsItsOwnOrg) {
  const std::string uncovered_list = "/api/v1/units?eligible=true&coverage=uncovered&org=" + std::to_string(heping_);
  EXPECT_EQ(street_.Get(uncovered_list).Json().at("total").as_int64(), 2);

  // The unit's new branch is set up in the org tree, then linked to the unit.
  const auto branch = street_.Post(
      "/api/v1/orgs",
      boost::json::serialize(boost::json::object{
          {"parent_id", jianshe_}, {"level", "unit"}, {"kind", "branch"}, {"name", "建设数码科技有限公司党支部"}}));
  ASSERT_EQ(branch.status, 201) << branch.body;
  const std::int64_t branch_id = branch.Json().at("id").as_int64();
  const std::int64_t unit_id = DemoUnitId(street_, "建设数码科技有限公司");
  const auto linked = street_.Send(verb::patch, "/api/v1/units/" + std::to_string(unit_id),
                                   R"({"own_org_id":)" + std::to_string(branch_id) + "}");
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(linked.Json().at("own_org").at("name").as_string(), "建设数码科技有限公司党支部");

  const auto coverage = street_.Get(CoveragePath(heping_)).Json();
  EXPECT_EQ(CountsOf(coverage), (Counts{9, 5, 2, 1, 1}));
  EXPECT_NEAR(coverage.at("organisation_coverage_rate").to_number<double>(), 7.0 / 9, 1e-9);
  EXPECT_EQ(CountsByChild(coverage).at("建设社区"), (Counts{4, 3, 0, 0, 1}));
  EXPECT_EQ(CountsOf(city_.Get(CoveragePath(city_id_)).Json()), (Counts{20, 9, 4, 3, 4}));
  const auto uncovered = street_.Get(uncovered_list).Json();
  ASSERT_EQ(uncovered.at("total").as_int64(), 1);
  EXPECT_EQ(uncovered.at("items").as_array()[0].at("name").as_string(), "建设社区养老服务中心");

  // Archived units leave the statistics; a unit located in the street itself counts in its total
  // but under no child.
  ASSERT_EQ(street_.Post("/api/v1/units/" + std::to_string(unit_id) + "/archive", "").status, 200);
  const boost::json::object at_street{
      {"name", "和平街道便民服务站"},      {"credit_code", CompleteCreditCode("12110101MB0000001")},
      {"unit_kind", "public_institution"}, {"org_id", heping_},
      {"eligible_for_org", true},          {"instructor", "王志刚"},
  };
  ASSERT_EQ(street_.Post("/api/v1/units", boost::json::serialize(at_street)).status, 201);
  const auto after = street_.Get(CoveragePath(heping_)).Json();
  EXPECT_EQ(CountsOf(after), (Counts{9, 4, 2, 2, 1}));
  std::int64_t by_child_eligible = 0;
  for (const auto& [name, counts] : CountsByChild(after)) by_child_eligible += counts[0];
  EXPECT_EQ(by_child_eligible, 8);
}

}  // namespace
}  // namespace liandong::unit
