#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "features/task/task_repository.hpp"
#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::task {
namespace {

using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

const std::string kPdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string Node(std::int64_t id, std::string_view suffix = "") {
  return "/api/v1/task-assignments/" + std::to_string(id) + std::string(suffix);
}

std::string Issue(const std::string& title, const std::string& targets, const std::string& deadline = "2026-01-31") {
  return R"({"title":")" + title + R"(","content":"按要求完成并上报","deadline":")" + deadline +
         R"(","weight":5,"targets":)" + targets + "}";
}

class TaskApiTest : public ::testing::Test {
 protected:
  // The node of `org_id` among the children of `parent`.
  std::int64_t ChildNode(HttpClient& client, std::int64_t parent, std::int64_t org_id) {
    const auto children = client.Get(Node(parent, "/children")).Json();
    for (const auto& child : children.at("items").as_array()) {
      if (child.at("org").at("id").as_int64() == org_id) return child.at("id").as_int64();
    }
    ADD_FAILURE() << "no child node of org " << org_id << " under node " << parent;
    return 0;
  }

  bool InboxHas(HttpClient& client, const std::string& kind) {
    const auto kinds = InboxKinds(client);
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  }

  double Progress(HttpClient& client, std::int64_t node) {
    return client.Get(Node(node)).Json().at("progress").to_number<double>();
  }

  std::vector<std::string> InboxKinds(HttpClient& client) {
    std::vector<std::string> kinds;
    const auto inbox = client.Get("/api/v1/notifications").Json();
    for (const auto& item : inbox.at("items").as_array()) {
      kinds.emplace_back(item.at("kind").as_string());
    }
    return kinds;
  }

  std::int64_t Upload(HttpClient& client, std::int64_t node, const std::string& name, const std::string& bytes,
                      int expected = 201) {
    const auto result = client.Send(boost::beast::http::verb::post, Node(node, "/attachments"), bytes,
                                    {{"X-File-Name", name}, {"Content-Type", "application/octet-stream"}});
    EXPECT_EQ(result.status, expected) << result.body;
    return result.status == 201 ? result.Json().at("id").as_int64() : 0;
  }

  // City → all districts; 东城区 → its streets; 和平街道 → its communities. The nodes on the way to
  // 和平里社区.
  struct Chain {
    std::int64_t task = 0, root = 0, district = 0, street = 0, community = 0, sibling = 0;
  };
  Chain Cascade(const std::string& deadline = "2026-01-31") {
    Chain chain;
    const auto issued = city_.Post("/api/v1/tasks", Issue("基层党建示范点创建", R"({"mode":"children"})", deadline));
    EXPECT_EQ(issued.status, 201) << issued.body;
    chain.task = issued.Json().at("id").as_int64();
    chain.root = issued.Json().at("root_assignment_id").as_int64();
    chain.district = ChildNode(city_, chain.root, dongcheng_);
    const auto streets =
        district_.Post(Node(chain.district, "/decompose"), R"({"targets":{"mode":"children"},"deadline":"2026-01-25"})");
    EXPECT_EQ(streets.status, 201) << streets.body;
    chain.street = ChildNode(district_, chain.district, heping_);
    const auto communities =
        street_.Post(Node(chain.street, "/decompose"), R"({"targets":{"mode":"children"},"deadline":"2026-01-20"})");
    EXPECT_EQ(communities.status, 201) << communities.body;
    chain.community = ChildNode(street_, chain.street, heping_li_);
    chain.sibling = ChildNode(street_, chain.street, dongfeng_);
    return chain;
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient district_ = server_.SignedIn("district");
  HttpClient street_ = server_.SignedIn("street");
  HttpClient community_ = server_.SignedIn("community");
  std::int64_t dongcheng_ = DemoOrgId(city_, {"东城区"});
  std::int64_t heping_ = DemoOrgId(city_, {"东城区", "和平街道"});
  std::int64_t heping_li_ = DemoOrgId(city_, {"东城区", "和平街道", "和平里社区"});
  std::int64_t dongfeng_ = DemoOrgId(city_, {"东城区", "和平街道", "东风社区"});
};

TEST_F(TaskApiTest, ACommunityReportWithEvidenceAcceptedByTheStreetMovesEveryLevelsRollUp) {
  const Chain chain = Cascade();
  EXPECT_EQ(Progress(city_, chain.root), 0.0);
  EXPECT_TRUE(InboxHas(community_, "assigned"));

  // The community's to-do list holds its part, with the street's deadline.
  const auto todo = community_.Get("/api/v1/task-assignments").Json();
  ASSERT_EQ(todo.at("total").as_int64(), 1);
  EXPECT_EQ(todo.at("items").as_array()[0].at("id").as_int64(), chain.community);
  EXPECT_EQ(todo.at("items").as_array()[0].at("deadline").as_string(), "2026-01-20");

  const auto detail = community_.Get(Node(chain.community)).Json();
  EXPECT_TRUE(detail.at("can_report").as_bool());
  EXPECT_FALSE(detail.at("can_review").as_bool());
  const std::int64_t file = Upload(community_, chain.community, "%E5%BB%BA%E8%AE%BE%E6%96%B9%E6%A1%88.pdf", kPdf);
  const auto report = community_.Post(
      Node(chain.community, "/reports"),
      R"({"percent":100,"text":"示范点已建成，活动阵地挂牌","attachment_ids":[)" + std::to_string(file) + "]}");
  ASSERT_EQ(report.status, 201) << report.body;
  EXPECT_EQ(report.Json().at("state").as_string(), "pending");
  EXPECT_EQ(report.Json().at("attachments").as_array()[0].at("file_name").as_string(), "建设方案.pdf");
  // Not counted until the level above accepts it.
  EXPECT_EQ(Progress(street_, chain.street), 0.0);

  const auto reviews = street_.Get("/api/v1/reviews").Json();
  ASSERT_EQ(reviews.at("total").as_int64(), 1);
  EXPECT_TRUE(street_.Get(Node(chain.community)).Json().at("can_review").as_bool());
  const std::int64_t report_id = report.Json().at("id").as_int64();
  // Only the level above reviews: not the community itself, not the district.
  EXPECT_EQ(ErrorCode(district_.Post("/api/v1/progress-reports/" + std::to_string(report_id) + "/accept", "")),
            "task.not_reviewer");
  EXPECT_EQ(community_.Post("/api/v1/progress-reports/" + std::to_string(report_id) + "/accept", "").status, 403);
  const auto accepted = street_.Post("/api/v1/progress-reports/" + std::to_string(report_id) + "/accept", "");
  ASSERT_EQ(accepted.status, 200) << accepted.body;

  const auto node = community_.Get(Node(chain.community)).Json();
  EXPECT_EQ(node.at("state").as_string(), "done");
  EXPECT_EQ(node.at("progress").to_number<double>(), 100.0);
  const auto street_children = street_.Get(Node(chain.street, "/children")).Json().at("items").as_array();
  const double street_progress = 100.0 / static_cast<double>(street_children.size());
  EXPECT_NEAR(Progress(street_, chain.street), street_progress, 0.05);
  const auto district_children = district_.Get(Node(chain.district, "/children")).Json().at("items").as_array();
  EXPECT_NEAR(Progress(district_, chain.district), street_progress / static_cast<double>(district_children.size()),
              0.05);
  EXPECT_GT(Progress(city_, chain.root), 0.0);
  const auto issued = city_.Get("/api/v1/tasks").Json().at("items").as_array()[0];
  EXPECT_GT(issued.at("progress").to_number<double>(), 0.0);
  EXPECT_EQ(issued.at("done_count").as_int64(), 1);  // 和平里社区, once: not its street and district too

  std::vector<std::string> timeline;
  for (const auto& event : node.at("events").as_array()) timeline.emplace_back(event.at("kind").as_string());
  EXPECT_EQ(timeline, (std::vector<std::string>{"assigned", "reported", "accepted"}));
  EXPECT_TRUE(InboxHas(street_, "reported"));
  EXPECT_TRUE(InboxHas(community_, "accepted"));

  // The evidence downloads as sent, for the levels above.
  const auto download = district_.Get("/api/v1/attachments/" + std::to_string(file));
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, kPdf);
  EXPECT_EQ(download.Header("Content-Type"), "application/pdf");
  EXPECT_NE(download.Header("Content-Disposition").find("attachment"), std::string::npos);
}

TEST_F(TaskApiTest, AReturnedReportCarriesItsReasonAndTheCommunityReportsAgain) {
  const Chain chain = Cascade();
  // The home page's "tasks to report": the org's own executing nodes that are open or returned.
  const auto to_report = [&] {
    return community_.Get("/api/v1/task-assignments?executing=1&state=to_report&page_size=1").Json().at("total");
  };
  EXPECT_EQ(to_report().as_int64(), 1);
  EXPECT_EQ(street_.Get("/api/v1/task-assignments?executing=1&state=to_report").Json().at("total").as_int64(), 0)
      << "the street passed its part down: nothing for it to report";
  const auto first = community_.Post(Node(chain.community, "/reports"), R"({"percent":60,"text":"阵地改造中"})");
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string path = "/api/v1/progress-reports/" + std::to_string(first.Json().at("id").as_int64());
  EXPECT_EQ(ErrorCode(community_.Post(Node(chain.community, "/reports"), R"({"percent":70,"text":"再报"})")),
            "task.report_pending");
  EXPECT_EQ(to_report().as_int64(), 0) << "a part waiting for review has nothing to report";
  EXPECT_EQ(ErrorCode(street_.Post(path + "/return", R"({"reason":""})")), "request.invalid_argument");
  const auto returned = street_.Post(path + "/return", R"({"reason":"缺少佐证材料"})");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.Json().at("review_reason").as_string(), "缺少佐证材料");
  EXPECT_EQ(to_report().as_int64(), 1) << "a returned part is to be reported again";
  const auto node = community_.Get(Node(chain.community)).Json();
  EXPECT_EQ(node.at("state").as_string(), "returned");
  EXPECT_EQ(node.at("progress").to_number<double>(), 0.0);
  EXPECT_TRUE(node.at("can_report").as_bool());
  EXPECT_EQ(ErrorCode(street_.Post(path + "/accept", "")), "task.report_not_pending");
  EXPECT_EQ(community_.Post(Node(chain.community, "/reports"), R"({"percent":60,"text":"补充照片"})").status, 201);
}

TEST_F(TaskApiTest, ADecompositionCannotOutlastItsParentAndBadInputWritesNothing) {
  const Chain chain = Cascade();
  const std::int64_t before = street_.Get(Node(chain.street)).Json().at("child_count").as_int64();
  EXPECT_EQ(ErrorCode(community_.Post(Node(chain.community, "/decompose"),
                                      R"({"targets":{"mode":"children"},"deadline":"2026-01-21"})")),
            "task.deadline_after_parent");
  EXPECT_EQ(ErrorCode(street_.Post(Node(chain.street, "/decompose"), R"({"targets":{"mode":"children"}})")),
            "task.already_assigned");
  EXPECT_EQ(street_.Get(Node(chain.street)).Json().at("child_count").as_int64(), before);
  EXPECT_EQ(ErrorCode(city_.Post("/api/v1/tasks", Issue("", R"({"mode":"children"})"))), "request.invalid_argument");
  EXPECT_EQ(ErrorCode(city_.Post("/api/v1/tasks", Issue("过期任务", R"({"mode":"children"})", "2025-12-31"))),
            "task.invalid_deadline");
  EXPECT_EQ(ErrorCode(city_.Post("/api/v1/tasks", Issue("任务", R"({"mode":"everyone"})"))), "task.invalid_targets");
  EXPECT_EQ(ErrorCode(street_.Post("/api/v1/tasks", Issue("任务", R"({"mode":"list","org_ids":[)" +
                                                                     std::to_string(dongcheng_) + "]}"))),
            "task.target_not_found");
  EXPECT_EQ(ErrorCode(community_.Post(Node(chain.community, "/reports"), R"({"percent":101,"text":"超额"})")),
            "task.invalid_percent");
  EXPECT_EQ(city_.Get("/api/v1/tasks").Json().at("total").as_int64(), 1);
  // A decomposed part is reported by the level below.
  EXPECT_EQ(ErrorCode(street_.Post(Node(chain.street, "/reports"), R"({"percent":50,"text":"汇总"})")),
            "task.not_a_leaf");
}

TEST_F(TaskApiTest, ACommunityNeverSeesASiblingsPartReportsOrFiles) {
  const Chain chain = Cascade();
  const std::int64_t file = Upload(community_, chain.community, "photo.png", std::string("\x89PNG\r\n\x1a\n", 8) + "x");
  ASSERT_EQ(community_.Post(Node(chain.community, "/reports"),
                            R"({"percent":50,"text":"进行中","attachment_ids":[)" + std::to_string(file) + "]}")
                .status,
            201);
  // 东风社区's admin is another user: make one and sign in as it.
  {
    db::Session session(server_.application().database());
    server_.application().auth_service().CreateUser(
        session.sql(), auth::NewUser{dongfeng_, "dongfeng.admin", "东风社区管理员", "community_admin",
                                     "Dongfeng-Test-Password-2026"});
  }
  HttpClient sibling = server_.Client();
  ASSERT_EQ(sibling.SignIn("dongfeng.admin", "Dongfeng-Test-Password-2026").status, 200);
  EXPECT_EQ(sibling.Get(Node(chain.community)).status, 404);
  EXPECT_EQ(sibling.Get(Node(chain.community, "/children")).status, 404);
  EXPECT_EQ(sibling.Get("/api/v1/attachments/" + std::to_string(file)).status, 404);
  EXPECT_EQ(sibling.Get("/api/v1/task-assignments?org=" + std::to_string(heping_li_)).status, 404);
  const auto own = sibling.Get("/api/v1/task-assignments").Json();
  ASSERT_EQ(own.at("total").as_int64(), 1);
  EXPECT_EQ(own.at("items").as_array()[0].at("id").as_int64(), chain.sibling);
  EXPECT_EQ(sibling.Get(Node(chain.sibling)).Json().at("reports").as_array().size(), 0u);
  // Nor may it upload to, or report on, a part that is not its own.
  EXPECT_EQ(sibling.Send(boost::beast::http::verb::post, Node(chain.community, "/attachments"), kPdf,
                         {{"X-File-Name", "a.pdf"}})
                .status,
            404);
  EXPECT_EQ(sibling.Post(Node(chain.community, "/reports"), R"({"percent":10,"text":"越权"})").status, 404);
}

TEST_F(TaskApiTest, EvidenceIsCheckedByItsBytesAndItsSize) {
  const Chain chain = Cascade();
  Upload(community_, chain.community, "scan.pdf", std::string("\x89PNG\r\n\x1a\n", 8), 400);
  Upload(community_, chain.community, "tool.exe", "MZ\x90\x00", 400);
  Upload(community_, chain.community, "empty.pdf", "", 400);
  Upload(community_, chain.community, "..%2F..%2Fetc%2Fpasswd.pdf", kPdf);  // the name keeps its last part only
  // Above the 1 MiB of ordinary requests, within the 20 MiB of files.
  Upload(community_, chain.community, "big.pdf", kPdf + std::string(2 * 1024 * 1024, ' '));
  // Refused from the head alone: over 20 MiB for files, over 1 MiB for anything else.
  const auto head = [&](const std::string& path, std::size_t length) {
    return testing::SendRaw(server_.port(),
                            "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\n"
                            "Content-Length: " + std::to_string(length) + "\r\n\r\n",
                            std::chrono::milliseconds(1000));
  };
  EXPECT_EQ(head(Node(chain.community, "/attachments"), 21 * 1024 * 1024).rfind("HTTP/1.1 413", 0), 0u);
  EXPECT_EQ(head(Node(chain.community, "/attachments"), 19 * 1024 * 1024).find("413"), std::string::npos);
  EXPECT_EQ(head(Node(chain.community, "/reports"), 2 * 1024 * 1024).rfind("HTTP/1.1 413", 0), 0u);
  // Files live outside the web root under names the server made.
  for (const auto& entry : std::filesystem::directory_iterator(server_.files_dir())) {
    EXPECT_EQ(entry.path().filename().string().find('.'), std::string::npos) << entry.path();
  }
}

TEST_F(TaskApiTest, ATaskToEveryCommunityCreatesTheLevelsBetween) {
  const auto issued = city_.Post("/api/v1/tasks", Issue("社区党组织换届", R"({"mode":"level","level":"community"})"));
  ASSERT_EQ(issued.status, 201) << issued.body;
  const auto task = issued.Json();
  const std::int64_t root = task.at("root_assignment_id").as_int64();
  const auto districts = city_.Get(Node(root, "/children")).Json().at("items").as_array();
  const auto city_children = city_.Get("/api/v1/orgs/" + std::to_string(task.at("issuer").at("id").as_int64()) +
                                       "/children")
                                 .Json()
                                 .at("items")
                                 .as_array();
  EXPECT_EQ(districts.size(), city_children.size());
  // Every community of the city has its part, and its street and district a node above it.
  const auto stats = city_.Get("/api/v1/orgs/" + std::to_string(task.at("issuer").at("id").as_int64()) + "/stats").Json();
  std::int64_t expected = 0;
  std::int64_t communities = 0;
  for (const auto& level : stats.at("by_level").as_array()) {
    const auto name = level.at("level").as_string();
    if (name == "district" || name == "street" || name == "community") expected += level.at("count").as_int64();
    if (name == "community") communities = level.at("count").as_int64();
  }
  const auto all = city_.Get("/api/v1/task-assignments?subtree=1&page_size=1").Json();
  EXPECT_EQ(all.at("total").as_int64(), expected);
  // The 已下达 list counts the orgs that carry the task out, once each: the communities, not the
  // district and street nodes that passed it on; the task record's executing list agrees.
  EXPECT_EQ(task.at("executing_count").as_int64(), communities);
  EXPECT_EQ(task.at("done_count").as_int64(), 0);
  const auto executing = city_.Get("/api/v1/task-assignments?subtree=1&executing=1&page_size=1&task=" +
                                   std::to_string(task.at("id").as_int64()))
                             .Json();
  EXPECT_EQ(executing.at("total").as_int64(), communities);
  const auto listed = city_.Get("/api/v1/tasks").Json().at("items").as_array();
  ASSERT_FALSE(listed.empty());
  EXPECT_EQ(listed[0].at("executing_count").as_int64(), communities);
  // The community's part hangs under its street's node, which hangs under its district's.
  const auto todo = community_.Get("/api/v1/task-assignments").Json().at("items").as_array();
  ASSERT_EQ(todo.size(), 1u);
  const auto street_node = street_.Get(Node(todo[0].at("parent_id").as_int64())).Json();
  EXPECT_EQ(street_node.at("org").at("id").as_int64(), heping_);
  EXPECT_EQ(street_node.at("parent").at("org").at("id").as_int64(), dongcheng_);
}

TEST_F(TaskApiTest, AnOverduePartIsFlaggedToldAndEscalatedToTheLevelAbove) {
  const Chain chain = Cascade();
  EXPECT_EQ(server_.application().task_service().Sweep().overdue, 0);
  server_.clock().Advance(20 * 86400);  // 2026-01-21: a day past the communities' deadline
  HttpClient street = server_.SignedIn("street");  // the sessions of 20 days ago have ended
  HttpClient community = server_.SignedIn("community");
  const auto overdue = street.Get("/api/v1/task-assignments?org=" + std::to_string(heping_) +
                                   "&subtree=1&state=overdue")
                           .Json();
  ASSERT_TRUE(overdue.as_object().contains("total")) << boost::json::serialize(overdue);
  EXPECT_GT(overdue.at("total").as_int64(), 1);
  for (const auto& item : overdue.at("items").as_array()) {
    EXPECT_TRUE(item.at("overdue").as_bool());
    EXPECT_GE(item.at("overdue_days").as_int64(), 1);
  }
  const SweepResult first = server_.application().task_service().Sweep();
  EXPECT_EQ(first.overdue, overdue.at("total").as_int64());
  EXPECT_EQ(first.escalated, 0);  // escalation waits for 3 days (the setting)
  EXPECT_EQ(server_.application().task_service().Sweep().overdue, 0);  // told once
  EXPECT_TRUE(InboxHas(community, "overdue"));
  server_.clock().Advance(2 * 86400);  // overdue 3 days
  HttpClient street_later = server_.SignedIn("street");
  HttpClient community_later = server_.SignedIn("community");
  const SweepResult second = server_.application().task_service().Sweep();
  EXPECT_EQ(second.escalated, overdue.at("total").as_int64());
  const auto street_inbox = street_later.Get("/api/v1/notifications?unread=1").Json();
  bool escalated = false;
  for (const auto& item : street_inbox.at("items").as_array()) {
    escalated = escalated || (item.at("kind") == "escalated" &&
                              std::string(item.at("body").as_string()).find("和平里社区") != std::string::npos);
  }
  EXPECT_TRUE(escalated) << boost::json::serialize(street_inbox);
  std::vector<std::string> timeline;
  const auto detail = community_later.Get(Node(chain.community)).Json();
  for (const auto& event : detail.at("events").as_array()) {
    timeline.emplace_back(event.at("kind").as_string());
  }
  EXPECT_EQ(timeline, (std::vector<std::string>{"assigned", "overdue", "escalated"}));
}

// Two servers on one PostgreSQL: while one sweeps (it holds the sweep's turn, in its transaction),
// the other's sweep tells nobody and leaves the nodes to it; afterwards a sweep tells each once.
TEST_F(TaskApiTest, WhileAnotherServerSweepsThisOneLeavesTheOverdueNodesToIt) {
  Cascade();
  server_.clock().Advance(20 * 86400);
  {
    db::Session other(server_.application().database());
    db::Transaction turn(other, db::Transaction::Mode::kWrite);
    const bool taken = TaskRepository().TakeSweepTurn(other);
    ASSERT_TRUE(taken);
    if (other.dialect() == db::Dialect::kPostgresql) {
      EXPECT_EQ(server_.application().task_service().Sweep().overdue, 0);
    }
    // (On SQLite a second server never shares the database file; the write transaction excludes.)
  }
  EXPECT_GT(server_.application().task_service().Sweep().overdue, 0);
  EXPECT_EQ(server_.application().task_service().Sweep().overdue, 0);  // told once
}

TEST_F(TaskApiTest, TheInboxCountsUnreadPerUserAndMarksThemRead) {
  Cascade();
  const auto inbox = community_.Get("/api/v1/notifications").Json();
  ASSERT_GT(inbox.at("unread").as_int64(), 0);
  EXPECT_EQ(community_.Get("/api/v1/notifications/unread-count").Json().at("unread").as_int64(),
            inbox.at("unread").as_int64());
  const std::int64_t first = inbox.at("items").as_array()[0].at("id").as_int64();
  EXPECT_EQ(community_.Post("/api/v1/notifications/" + std::to_string(first) + "/read", "").status, 204);
  EXPECT_EQ(community_.Get("/api/v1/notifications/unread-count").Json().at("unread").as_int64(),
            inbox.at("unread").as_int64() - 1);
  // Another org's notification is not there to read.
  EXPECT_EQ(ErrorCode(street_.Post("/api/v1/notifications/" + std::to_string(first) + "/read", "")),
            "notification.not_found");
  EXPECT_EQ(community_.Post("/api/v1/notifications/read-all", "").status, 204);
  EXPECT_EQ(community_.Get("/api/v1/notifications/unread-count").Json().at("unread").as_int64(), 0);
  EXPECT_EQ(community_.Get("/api/v1/notifications?unread=1").Json().at("items").as_array().size(), 0u);
}

}  // namespace
}  // namespace liandong::task
