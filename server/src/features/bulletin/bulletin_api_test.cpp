#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::bulletin {
namespace {

using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string Node(std::int64_t id, std::string_view suffix = "") {
  return "/api/v1/task-assignments/" + std::to_string(id) + std::string(suffix);
}

class BulletinApiTest : public ::testing::Test {
 protected:
  std::int64_t ChildNode(HttpClient& client, std::int64_t parent, std::int64_t org_id) {
    const auto children = client.Get(Node(parent, "/children")).Json();
    for (const auto& child : children.at("items").as_array()) {
      if (child.at("org").at("id").as_int64() == org_id) return child.at("id").as_int64();
    }
    ADD_FAILURE() << "no node of org " << org_id;
    return 0;
  }

  const boost::json::object& Row(const boost::json::value& bulletin, std::int64_t org_id) {
    for (const auto& row : bulletin.at("figures").at("rows").as_array()) {
      if (row.at("org").at("id").as_int64() == org_id) return row.as_object();
    }
    ADD_FAILURE() << "no row for org " << org_id;
    static const boost::json::object empty;
    return empty;
  }

  TestServer server_;
  HttpClient street_ = server_.SignedIn("street");
  std::int64_t heping_ = DemoOrgId(street_, {});
  std::int64_t heping_li_ = DemoOrgId(street_, {"和平里社区"});
  std::int64_t dongfeng_ = DemoOrgId(street_, {"东风社区"});
};

TEST_F(BulletinApiTest, TheStreetsBulletinRanksItsCommunitiesAndEveryFigureMatchesItsRecords) {
  // The street gives every community a task due 2026-01-10; 和平里 finishes on time, 东风 not at all.
  const auto task = street_.Post("/api/v1/tasks", R"({"title":"党员冬训","content":"组织全体党员参加冬训",
      "deadline":"2026-01-10","targets":{"mode":"children"}})");
  ASSERT_EQ(task.status, 201) << task.body;
  const std::int64_t root = task.Json().at("root_assignment_id").as_int64();
  {
    HttpClient community = server_.SignedIn("community");
    const std::int64_t node = ChildNode(street_, root, heping_li_);
    const auto report = community.Post(Node(node, "/reports"), R"({"percent":100,"text":"冬训完成"})");
    ASSERT_EQ(report.status, 201) << report.body;
    ASSERT_EQ(street_.Post("/api/v1/progress-reports/" + std::to_string(report.Json().at("id").as_int64()) + "/accept",
                           "")
                  .status,
              200);
  }
  server_.clock().Advance(15 * 86400);  // 2026-01-16
  HttpClient street = server_.SignedIn("street");
  const auto made = street.Post("/api/v1/bulletins", R"({"period_from":"2026-01-01","period_to":"2026-01-31"})");
  ASSERT_EQ(made.status, 201) << made.body;
  const auto bulletin = made.Json();
  EXPECT_EQ(bulletin.at("state").as_string(), "draft");
  const auto& done = Row(bulletin, heping_li_);
  EXPECT_EQ(done.at("assignments").as_int64(), 1);
  EXPECT_EQ(done.at("completion_rate").to_number<double>(), 1.0);
  EXPECT_EQ(done.at("on_time_rate").to_number<double>(), 1.0);
  EXPECT_EQ(done.at("rank").as_int64(), 1);
  const auto& late = Row(bulletin, dongfeng_);
  EXPECT_EQ(late.at("overdue").as_int64(), 1);
  EXPECT_EQ(late.at("completion_rate").to_number<double>(), 0.0);
  EXPECT_GT(late.at("rank").as_int64(), 1);
  bool listed = false;
  for (const auto& item : bulletin.at("figures").at("overdue_items").as_array()) {
    listed = listed || item.at("org").at("id").as_int64() == dongfeng_;
  }
  EXPECT_TRUE(listed);
  // The previous period (December) had nothing.
  EXPECT_EQ(bulletin.at("figures").at("previous_from").as_string(), "2025-12-01");
  EXPECT_EQ(late.at("previous").at("assignments").as_int64(), 0);

  // Each figure is the count of the records its drill-down lists, as of the bulletin's time, even
  // after the records move on.
  server_.clock().Advance(86400);
  HttpClient later = server_.SignedIn("street");  // the day ended the session
  const std::string drill = "/api/v1/task-assignments?subtree=1&deadline_from=2026-01-01&deadline_to=2026-01-31&as_of=" +
                            std::string(bulletin.at("as_of").as_string());
  for (const auto& row : bulletin.at("figures").at("rows").as_array()) {
    const std::string org = "&org=" + std::to_string(row.at("org").at("id").as_int64());
    EXPECT_EQ(later.Get(drill + org).Json().at("total").as_int64(), row.at("assignments").as_int64());
    EXPECT_EQ(later.Get(drill + org + "&state=done").Json().at("total").as_int64(), row.at("done").as_int64());
    EXPECT_EQ(later.Get(drill + org + "&state=on_time").Json().at("total").as_int64(), row.at("on_time").as_int64());
    EXPECT_EQ(later.Get(drill + org + "&state=overdue").Json().at("total").as_int64(), row.at("overdue").as_int64());
  }

  // Communities see it once published, and are told.
  const std::string path = "/api/v1/bulletins/" + std::to_string(bulletin.at("id").as_int64());
  HttpClient community = server_.SignedIn("community");
  EXPECT_EQ(community.Get(path).status, 404);
  EXPECT_EQ(ErrorCode(community.Post(path + "/publish", "")), "auth.permission_denied");
  ASSERT_EQ(later.Post(path + "/publish", "").status, 200);
  EXPECT_EQ(community.Get(path).status, 200);
  bool told = false;
  const auto inbox = community.Get("/api/v1/notifications").Json();
  for (const auto& item : inbox.at("items").as_array()) {
    told = told || item.at("kind") == "bulletin";
  }
  EXPECT_TRUE(told);
  EXPECT_EQ(ErrorCode(later.Delete(path)), "bulletin.already_published");

  const auto workbook = community.Get(path + "/export");
  ASSERT_EQ(workbook.status, 200);
  EXPECT_EQ(workbook.Header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(workbook.body.substr(0, 4), "PK\x03\x04");
  db::Session session(server_.application().database());
  EXPECT_EQ(
      server_.application().audit_writer().CountFor(session.sql(), "bulletin.export", bulletin.at("id").as_int64()), 1);
}

TEST_F(BulletinApiTest, APeriodMustBeRealAndTheScopeOnesOwn) {
  EXPECT_EQ(ErrorCode(street_.Post("/api/v1/bulletins", R"({"period_from":"2026-02-01","period_to":"2026-01-01"})")),
            "bulletin.invalid_period");
  EXPECT_EQ(ErrorCode(street_.Post("/api/v1/bulletins", R"({"period_from":"2026-02-30","period_to":"2026-03-01"})")),
            "bulletin.invalid_period");
  EXPECT_EQ(ErrorCode(street_.Post("/api/v1/bulletins", R"({"period_from":"2025-01-01","period_to":"2026-03-01"})")),
            "bulletin.invalid_period");
  HttpClient city = server_.SignedIn("city");
  const std::int64_t other_district = DemoOrgId(city, {"西城区"});
  EXPECT_EQ(ErrorCode(street_.Post("/api/v1/bulletins", R"({"org_id":)" + std::to_string(other_district) +
                                                            R"(,"period_from":"2026-01-01","period_to":"2026-01-31"})")),
            "org.not_found");
  EXPECT_EQ(street_.Get("/api/v1/bulletins").Json().at("total").as_int64(), 0);
}

}  // namespace
}  // namespace liandong::bulletin

namespace liandong::bulletin {
namespace {

// Checked against a hand count: a city task to every community reaches 东城区's six communities
// through its district and two street nodes. The city's bulletin counts the task once for each of
// the six communities that carry it out — not nine, with the relays — so one community done is
// 1 of 6 (16.7 %), and the drill-down behind each figure lists exactly those records.
TEST(BulletinHandCountTest, ACityBulletinCountsEachTaskOnceWhereItIsCarriedOut) {
  TestServer server;
  HttpClient city = server.SignedIn("city");
  const std::int64_t dongcheng = DemoOrgId(city, {"东城区"});
  const auto task = city.Post("/api/v1/tasks", R"({"title":"主题党日","content":"各社区开展主题党日",
      "deadline":"2026-01-20","targets":{"mode":"level","level":"community"}})");
  ASSERT_EQ(task.status, 201) << task.body;
  const std::int64_t task_id = task.Json().at("id").as_int64();
  // 和平里社区 reports it done and 和平街道 accepts.
  HttpClient community = server.SignedIn("community");
  const auto own = community.Get("/api/v1/task-assignments?task=" + std::to_string(task_id)).Json();
  ASSERT_EQ(own.at("total").as_int64(), 1);
  const std::int64_t node = own.at("items").as_array()[0].at("id").as_int64();
  const auto report = community.Post(Node(node, "/reports"), R"({"percent":100,"text":"已开展"})");
  ASSERT_EQ(report.status, 201) << report.body;
  HttpClient street = server.SignedIn("street");
  ASSERT_EQ(
      street.Post("/api/v1/progress-reports/" + std::to_string(report.Json().at("id").as_int64()) + "/accept", "")
          .status,
      200);

  const auto made = city.Post("/api/v1/bulletins", R"({"period_from":"2026-01-01","period_to":"2026-01-31"})");
  ASSERT_EQ(made.status, 201) << made.body;
  const auto bulletin = made.Json();
  const boost::json::object* row = nullptr;
  for (const auto& each : bulletin.at("figures").at("rows").as_array()) {
    if (each.at("org").at("id").as_int64() == dongcheng) row = &each.as_object();
  }
  ASSERT_NE(row, nullptr);
  // By hand: 东城区 has 2 streets × 3 communities = 6 executing orgs; 1 is done.
  EXPECT_EQ(row->at("assignments").as_int64(), 6);
  EXPECT_EQ(row->at("done").as_int64(), 1);
  EXPECT_NEAR(row->at("completion_rate").to_number<double>(), 1.0 / 6.0, 0.001);

  const std::string drill = "/api/v1/task-assignments?org=" + std::to_string(dongcheng) +
                            "&subtree=1&deadline_from=2026-01-01&deadline_to=2026-01-31&as_of=" +
                            std::string(bulletin.at("as_of").as_string());
  EXPECT_EQ(city.Get(drill + "&executing=1").Json().at("total").as_int64(), 6) << "the figure's records";
  EXPECT_EQ(city.Get(drill + "&executing=1&state=done").Json().at("total").as_int64(), 1);
  EXPECT_EQ(city.Get(drill).Json().at("total").as_int64(), 9) << "with the district's and streets' relays";
}

}  // namespace
}  // namespace liandong::bulletin
