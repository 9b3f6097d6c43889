// The roll-ups behind org stats and coverage are kept as rows change: after every kind of write
// they must equal a recount from scratch.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "core/identity.hpp"
#include "features/unit/unit_credit_code.hpp"
#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::org {
namespace {

using testing::DemoOrgId;
using testing::DemoUnitId;
using testing::HttpClient;
using testing::TestServer;

class OrgRollupApiTest : public ::testing::Test {
 protected:
  // Stats and coverage of the city, both districts, all four streets and the orgs made here.
  std::map<std::int64_t, std::string> Snapshot() {
    std::map<std::int64_t, std::string> figures;
    std::vector<std::int64_t> ids = {city_id_, dongcheng_, xicheng_, heping_, shengli_, guangming_};
    ids.insert(ids.end(), made_.begin(), made_.end());
    for (std::int64_t id : ids) {
      const auto stats = city_.Get("/api/v1/orgs/" + std::to_string(id) + "/stats");
      const auto coverage = city_.Get("/api/v1/orgs/" + std::to_string(id) + "/coverage");
      EXPECT_EQ(stats.status, 200) << stats.body;
      EXPECT_EQ(coverage.status, 200) << coverage.body;
      const std::string scope = "/api/v1/members?page_size=1&org=" + std::to_string(id);
      const std::int64_t members = city_.Get(scope).Json().at("total").as_int64();
      // Filtered lists are counted row by row: the roll-up must agree with them.
      EXPECT_EQ(members, city_.Get(scope + "&status=full").Json().at("total").as_int64() +
                             city_.Get(scope + "&status=probationary").Json().at("total").as_int64())
          << "org " << id;
      figures[id] = stats.body + "\n" + coverage.body + "\n" + std::to_string(members);
    }
    return figures;
  }

  void Recount() {
    app::Application& application = server_.application();
    db::Session session(application.database());
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    application.org_service().RebuildLevelRollup(session);
    application.unit_service().RebuildCoverageRollup(session);
    application.member_service().RebuildMemberRollup(session);
    transaction.Commit();
  }

  std::int64_t Create(std::int64_t parent, const char* level, const char* kind, const char* name) {
    const auto created =
        city_.Post("/api/v1/orgs", boost::json::serialize(boost::json::object{
                                       {"parent_id", parent}, {"level", level}, {"kind", kind}, {"name", name}}));
    EXPECT_EQ(created.status, 201) << created.body;
    const std::int64_t id = created.Json().at("id").as_int64();
    made_.push_back(id);
    return id;
  }

  boost::json::object NewUnit(std::int64_t org_id, int serial) {
    char number[16];
    std::snprintf(number, sizeof number, "%05d", serial);
    return boost::json::object{
        {"name", "卷积数据科技有限公司"},
        {"credit_code", unit::CompleteCreditCode(std::string("91110101MB2") + number + "Y")},
        {"unit_kind", "private_enterprise"},
        {"industry", "数据"},
        {"staff_count", 30},
        {"legal_representative", "林立"},
        {"org_id", org_id},
        {"eligible_for_org", true},
        {"key_enterprise", false},
    };
  }

  std::int64_t Stat(std::int64_t id, const std::string& level) {
    const auto stats = city_.Get("/api/v1/orgs/" + std::to_string(id) + "/stats").Json();
    for (const auto& count : stats.at("by_level").as_array()) {
      if (count.at("level").as_string() == level) return count.at("count").as_int64();
    }
    return 0;
  }

  testing::HttpResult Patch(const std::string& target, const std::string& body) {
    return city_.Send(boost::beast::http::verb::patch, target, body);
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  std::int64_t city_id_ = DemoOrgId(city_, {});
  std::int64_t dongcheng_ = DemoOrgId(city_, {"东城区"});
  std::int64_t xicheng_ = DemoOrgId(city_, {"西城区"});
  std::int64_t heping_ = DemoOrgId(city_, {"东城区", "和平街道"});
  std::int64_t shengli_ = DemoOrgId(city_, {"东城区", "胜利街道"});
  std::int64_t guangming_ = DemoOrgId(city_, {"西城区", "光明街道"});
  std::vector<std::int64_t> made_;
};

TEST_F(OrgRollupApiTest, StayEqualToARecountThroughEveryKindOfWrite) {
  const auto before = Snapshot();
  Recount();
  EXPECT_EQ(Snapshot(), before) << "the migration's count and the demo city's seeding agree";

  // Orgs: create a community with grids and a unit branch, re-level one, archive one.
  const std::int64_t community = Create(heping_, "community", "branch", "卷积社区");
  const std::int64_t grid = Create(community, "grid", "branch", "第一网格党支部");
  const std::int64_t spare = Create(community, "grid", "branch", "第二网格党支部");
  const std::int64_t unit_branch = Create(community, "unit", "branch", "卷积数据科技有限公司党支部");
  EXPECT_EQ(Patch("/api/v1/orgs/" + std::to_string(grid), R"({"level":"building"})").status, 200);
  EXPECT_EQ(city_.Post("/api/v1/orgs/" + std::to_string(spare) + "/archive", "").status, 200);

  // Units: create, change coverage, move to another org, archive, import (create and update).
  auto input = NewUnit(community, 1);
  const auto created = city_.Post("/api/v1/units", boost::json::serialize(input));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string unit_path = "/api/v1/units/" + std::to_string(created.Json().at("id").as_int64());
  EXPECT_EQ(Patch(unit_path, boost::json::serialize(boost::json::object{{"own_org_id", unit_branch}})).status, 200);
  auto second = NewUnit(community, 2);
  second["instructor"] = "王老师";
  const auto second_created = city_.Post("/api/v1/units", boost::json::serialize(second));
  ASSERT_EQ(second_created.status, 201) << second_created.body;
  const std::string second_path = "/api/v1/units/" + std::to_string(second_created.Json().at("id").as_int64());
  EXPECT_EQ(Patch(second_path, boost::json::serialize(boost::json::object{{"org_id", guangming_}})).status, 200);
  EXPECT_EQ(city_.Post(second_path + "/archive", "").status, 200);
  const std::int64_t hospital = DemoUnitId(city_, "东城区第一人民医院");
  EXPECT_EQ(Patch("/api/v1/units/" + std::to_string(hospital), R"({"eligible_for_org":false})").status, 200);
  auto imported = NewUnit(community, 3);
  imported["eligible_for_org"] = false;
  const auto import = city_.Post("/api/v1/units/import",
                                 boost::json::serialize(boost::json::object{{"rows", boost::json::array{imported}}}));
  ASSERT_EQ(import.status, 200) << import.body;
  imported["eligible_for_org"] = true;
  const auto reimport = city_.Post("/api/v1/units/import",
                                   boost::json::serialize(boost::json::object{{"rows", boost::json::array{imported}}}));
  ASSERT_EQ(reimport.status, 200) << reimport.body;
  EXPECT_EQ(reimport.Json().at("updated").as_int64(), 1);

  // Members: create, import (a new one, then the same one into another org), transfer.
  const auto member = [&](std::int64_t org_id, const char* first17) {
    return boost::json::object{{"org_id", org_id},          {"name", "卷积党员"},
                               {"gender", "male"},          {"id_number", core::CompleteIdNumber(first17)},
                               {"phone", "13912345678"},    {"education", "本科"},
                               {"joined_on", "2015-07-01"}, {"status", "probationary"}};
  };
  ASSERT_EQ(city_.Post("/api/v1/members", boost::json::serialize(member(grid, "11010119850101101"))).status, 201);
  const auto member_import = [&](std::int64_t org_id) {
    const auto result = city_.Post(
        "/api/v1/members/import",
        boost::json::serialize(boost::json::object{{"rows", boost::json::array{member(org_id, "11010119850101102")}}}));
    EXPECT_EQ(result.status, 200) << result.body;
    EXPECT_TRUE(result.Json().at("errors").as_array().empty()) << result.body;
  };
  member_import(community);
  member_import(guangming_);
  const auto listed = city_.Get("/api/v1/members?page_size=1&org=" + std::to_string(heping_)).Json();
  const std::int64_t leaving = listed.at("items").as_array()[0].at("id").as_int64();
  const auto transfer = city_.Post("/api/v1/members/" + std::to_string(leaving) + "/transfers",
                                   boost::json::serialize(boost::json::object{{"to_org_id", community}}));
  ASSERT_EQ(transfer.status, 201) << transfer.body;
  EXPECT_EQ(
      city_.Post("/api/v1/transfers/" + std::to_string(transfer.Json().at("id").as_int64()) + "/accept", "{}").status,
      200);

  // Move the new community, with its units and branches, to another district's street.
  const std::int64_t heping_communities = Stat(heping_, "community");
  EXPECT_EQ(city_
                .Post("/api/v1/orgs/" + std::to_string(community) + "/move",
                      boost::json::serialize(boost::json::object{{"parent_id", guangming_}}))
                .status,
            200);
  EXPECT_EQ(Stat(heping_, "community"), heping_communities - 1);
  EXPECT_EQ(Stat(guangming_, "building"), 1) << "the re-levelled grid moved along";

  const auto after = Snapshot();
  EXPECT_NE(after, before);
  Recount();
  EXPECT_EQ(Snapshot(), after);
}

}  // namespace
}  // namespace liandong::org
