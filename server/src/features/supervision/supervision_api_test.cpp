#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::supervision {
namespace {

using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

constexpr std::string_view kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string Path(std::int64_t id, std::string_view suffix = "") {
  return "/api/v1/supervisions/" + std::to_string(id) + std::string(suffix);
}

std::vector<std::string> Kinds(const boost::json::value& detail) {
  std::vector<std::string> kinds;
  for (const auto& event : detail.at("events").as_array()) kinds.emplace_back(event.at("kind").as_string());
  return kinds;
}

class SupervisionApiTest : public ::testing::Test {
 protected:
  std::int64_t AuditCount(const std::string& action, std::int64_t target_id) {
    db::Session session(server_.application().database());
    return server_.application().audit_writer().CountFor(session.sql(), action, target_id);
  }

  // Staff of another community, signed in.
  HttpClient SignedInAt(std::int64_t org_id, const std::string& username) {
    {
      db::Session session(server_.application().database());
      server_.application().auth_service().CreateUser(
          session.sql(),
          auth::NewUser{org_id, username, "东风社区管理员", "community_admin", "Dongfeng-Password-2026"});
    }
    HttpClient client = server_.Client();
    const auto result = client.SignIn(username, "Dongfeng-Password-2026");
    EXPECT_EQ(result.status, 200) << result.body;
    return client;
  }

  HttpResult Issue(HttpClient& client, std::int64_t target, const std::string& title,
                   const std::string& deadline = "2026-01-15") {
    return client.Post("/api/v1/supervisions",
                       boost::json::serialize(boost::json::object{{"target_org_id", target},
                                                                  {"title", title},
                                                                  {"requirement", "一周内补齐会议记录并报送"},
                                                                  {"deadline", deadline}}));
  }

  HttpResult Upload(HttpClient& client, std::int64_t id, std::string_view name, std::string_view content) {
    return client.Upload(Path(id, "/attachments"), std::string(name), std::string(content));
  }

  // The notifications in a user's inbox, newest first.
  boost::json::array Inbox(HttpClient& client) {
    const auto result = client.Get("/api/v1/notifications");
    EXPECT_EQ(result.status, 200) << result.body;
    return result.Json().at("items").as_array();
  }

  TestServer server_;
  HttpClient district_ = server_.SignedIn("district");
  HttpClient street_ = server_.SignedIn("street");
  HttpClient community_ = server_.SignedIn("community");
  std::int64_t dongcheng_ = DemoOrgId(district_, {});
  std::int64_t heping_ = DemoOrgId(street_, {});
  std::int64_t heping_li_ = DemoOrgId(community_, {});
  std::int64_t dongfeng_ = DemoOrgId(street_, {"东风社区"});
  std::int64_t shengli_ = DemoOrgId(district_, {"胜利街道"});
};

TEST_F(SupervisionApiTest, RunsTheWholeLoopFromIssueToFollowUp) {
  const auto issued = Issue(street_, heping_li_, "“三会一课”记录不全");
  ASSERT_EQ(issued.status, 201) << issued.body;
  const auto supervision = issued.Json();
  const std::int64_t id = supervision.at("id").as_int64();
  EXPECT_EQ(supervision.at("state").as_string(), "open");
  EXPECT_EQ(supervision.at("issuer").at("name").as_string(), "和平街道");
  EXPECT_EQ(supervision.at("target").at("name").as_string(), "和平里社区");
  EXPECT_EQ(supervision.at("target").at("level").as_string(), "community");
  EXPECT_EQ(supervision.at("deadline").as_string(), "2026-01-15");
  EXPECT_FALSE(supervision.at("overdue").as_bool());
  EXPECT_TRUE(supervision.at("closed_at").is_null());
  EXPECT_TRUE(supervision.at("assignment").is_null());
  EXPECT_EQ(AuditCount("supervision.create", id), 1);

  // The community finds it in its inbox, linked to the page.
  auto inbox = Inbox(community_);
  ASSERT_FALSE(inbox.empty());
  EXPECT_EQ(inbox[0].at("kind").as_string(), "supervision");
  EXPECT_EQ(inbox[0].at("title").as_string(), "督办：“三会一课”记录不全");
  EXPECT_EQ(inbox[0].at("link").as_string(), "/supervisions/" + std::to_string(id));
  EXPECT_FALSE(inbox[0].at("read").as_bool());
  const auto received = community_.Get(Path(id)).Json();
  EXPECT_TRUE(received.at("can_rectify").as_bool());
  EXPECT_FALSE(received.at("can_verify").as_bool());
  EXPECT_EQ(community_.Get("/api/v1/supervisions?view=received").Json().at("total").as_int64(), 1);

  // Rectification with an evidence file.
  const auto file = Upload(community_, id, "整改报告.pdf", kPdf);
  ASSERT_EQ(file.status, 201) << file.body;
  EXPECT_EQ(file.Json().at("file_name").as_string(), "整改报告.pdf");
  EXPECT_EQ(file.Json().at("content_type").as_string(), "application/pdf");
  const std::int64_t file_id = file.Json().at("id").as_int64();
  const auto answered = community_.Post(
      Path(id, "/rectifications"),
      boost::json::serialize(boost::json::object{{"text", "已补齐全年会议记录"}, {"attachment_ids", {file_id}}}));
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.Json().at("state").as_string(), "answered");
  EXPECT_EQ(AuditCount("supervision.rectify", id), 1);
  const auto twice = community_.Post(Path(id, "/rectifications"), R"({"text":"再交一次"})");
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(ErrorCode(twice), "supervision.wrong_state");

  // The street is told, and returns it with a reason.
  inbox = Inbox(street_);
  ASSERT_FALSE(inbox.empty());
  EXPECT_EQ(inbox[0].at("title").as_string(), "督办已整改，待核实：“三会一课”记录不全");
  EXPECT_EQ(inbox[0].at("link").as_string(), "/supervisions/" + std::to_string(id));
  EXPECT_TRUE(street_.Get(Path(id)).Json().at("can_verify").as_bool());
  const auto returned = street_.Post(Path(id, "/return"), R"({"reason":"缺少第四季度的记录"})");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.Json().at("state").as_string(), "open");
  inbox = Inbox(community_);
  EXPECT_EQ(inbox[0].at("title").as_string(), "督办整改被退回：“三会一课”记录不全");
  EXPECT_NE(inbox[0].at("body").as_string().find("缺少第四季度的记录"), std::string::npos);
  EXPECT_EQ(AuditCount("supervision.return", id), 1);

  // Answered again, verified, followed up.
  ASSERT_EQ(community_.Post(Path(id, "/rectifications"), R"({"text":"第四季度记录已补"})").status, 200);
  server_.clock().Advance(10 * 60);
  const auto verified = street_.Post(Path(id, "/verify"), R"({"text":"整改到位"})");
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(verified.Json().at("state").as_string(), "closed");
  EXPECT_EQ(verified.Json().at("closed_at").as_string(), "2026-01-01T00:10:00Z");
  EXPECT_EQ(AuditCount("supervision.verify", id), 1);
  const auto follow_up = street_.Post(Path(id, "/follow-ups"), R"({"text":"一个月后回访，记录规范"})");
  ASSERT_EQ(follow_up.status, 201) << follow_up.body;
  EXPECT_EQ(follow_up.Json().at("kind").as_string(), "follow_up");
  EXPECT_EQ(follow_up.Json().at("org").at("name").as_string(), "和平街道");
  EXPECT_EQ(AuditCount("supervision.follow_up", id), 1);

  const auto detail = street_.Get(Path(id)).Json();
  EXPECT_EQ(Kinds(detail), (std::vector<std::string>{"issued", "rectification", "returned", "rectification", "verified",
                                                     "follow_up"}));
  const auto& events = detail.at("events").as_array();
  EXPECT_EQ(events[1].at("text").as_string(), "已补齐全年会议记录");
  EXPECT_EQ(events[1].at("org").at("name").as_string(), "和平里社区");
  EXPECT_FALSE(events[1].at("user").at("display_name").as_string().empty());
  ASSERT_EQ(events[1].at("attachments").as_array().size(), 1u);
  EXPECT_EQ(events[1].at("attachments").as_array()[0].at("file_name").as_string(), "整改报告.pdf");
  EXPECT_EQ(events[2].at("text").as_string(), "缺少第四季度的记录");
  EXPECT_TRUE(events[3].at("attachments").as_array().empty());
  EXPECT_FALSE(detail.at("can_verify").as_bool());
  EXPECT_FALSE(community_.Get(Path(id)).Json().at("can_rectify").as_bool());

  // The issuer and the district above download the evidence.
  const auto download = street_.Get("/api/v1/attachments/" + std::to_string(file_id));
  ASSERT_EQ(download.status, 200) << download.body;
  EXPECT_EQ(download.body, kPdf);
  EXPECT_EQ(district_.Get("/api/v1/attachments/" + std::to_string(file_id)).status, 200);
  const auto closed = street_.Get("/api/v1/supervisions?view=issued&state=closed").Json();
  EXPECT_EQ(closed.at("total").as_int64(), 1);
}

TEST_F(SupervisionApiTest, ACommunityNeverSeesASiblingsSupervisionOrItsFiles) {
  HttpClient dongfeng = SignedInAt(dongfeng_, "dongfeng.admin");
  const auto issued = Issue(street_, dongfeng_, "东风社区台账问题");
  ASSERT_EQ(issued.status, 201) << issued.body;
  const std::int64_t id = issued.Json().at("id").as_int64();
  const auto file = Upload(dongfeng, id, "东风整改.pdf", kPdf);
  ASSERT_EQ(file.status, 201) << file.body;
  const std::int64_t file_id = file.Json().at("id").as_int64();
  ASSERT_EQ(dongfeng
                .Post(Path(id, "/rectifications"),
                      boost::json::serialize(boost::json::object{{"text", "已整改"}, {"attachment_ids", {file_id}}}))
                .status,
            200);
  ASSERT_EQ(Inbox(dongfeng)[0].at("kind").as_string(), "supervision");

  for (const std::string& target : {Path(id), "/api/v1/attachments/" + std::to_string(file_id)}) {
    const auto result = community_.Get(target);
    EXPECT_EQ(result.status, 404) << target;
    EXPECT_EQ(result.body.find("东风"), std::string::npos) << result.body;
  }
  const auto list = community_.Get("/api/v1/supervisions");
  EXPECT_EQ(list.Json().at("total").as_int64(), 0);
  EXPECT_EQ(list.body.find("东风"), std::string::npos);
  const auto upload = Upload(community_, id, "冒充.pdf", kPdf);
  EXPECT_EQ(upload.status, 404);
  EXPECT_EQ(ErrorCode(upload), "supervision.not_found");
  const auto rectify = community_.Post(Path(id, "/rectifications"), R"({"text":"冒充整改"})");
  EXPECT_EQ(ErrorCode(rectify), "supervision.not_found");
  const auto sibling_list = community_.Get("/api/v1/supervisions?org=" + std::to_string(dongfeng_));
  EXPECT_EQ(sibling_list.status, 404);  // as if the org did not exist
  for (const auto& notification : Inbox(community_)) {
    EXPECT_EQ(std::string(notification.at("title").as_string()).find("东风"), std::string::npos);
  }
  EXPECT_EQ(street_.Get(Path(id)).Json().at("state").as_string(), "answered") << "the street sees both";
}

TEST_F(SupervisionApiTest, BusinessRefusalsHaveTheirOwnCodes) {
  const auto issued = Issue(street_, heping_li_, "阵地建设不达标");
  ASSERT_EQ(issued.status, 201) << issued.body;
  const std::int64_t id = issued.Json().at("id").as_int64();

  const struct {
    HttpClient* client;
    std::string target;
    std::string body;
    int status;
    std::string code;
  } cases[] = {
      {&community_, "/api/v1/supervisions",
       R"({"target_org_id":1,"title":"t","requirement":"r","deadline":"2026-02-01"})", 403,
       "auth.permission_denied"},                                            // the role may not issue
      {&district_, Path(id, "/verify"), "", 403, "supervision.not_issuer"},  // issued by the street
      {&district_, Path(id, "/return"), R"({"reason":"不行"})", 403, "supervision.not_issuer"},
      {&district_, Path(id, "/follow-ups"), R"({"text":"跟踪"})", 403, "supervision.not_issuer"},
      {&street_, Path(id, "/rectifications"), R"({"text":"自己整改"})", 403, "supervision.not_target"},
      {&district_, Path(id, "/rectifications"), R"({"text":"代为整改"})", 403, "supervision.not_target"},
      {&street_, Path(id, "/verify"), "", 409, "supervision.wrong_state"},  // nothing answered yet
      {&street_, Path(id, "/return"), R"({"reason":"退回"})", 409, "supervision.wrong_state"},
      {&street_, Path(id, "/return"), R"({"reason":""})", 400, "supervision.invalid_reason"},
      {&community_, Path(id, "/rectifications"), R"({"text":""})", 400, "supervision.invalid_text"},
      {&community_, Path(id, "/rectifications"), R"({"text":"整改","attachment_ids":[987654]})", 400,
       "attachment.not_found"},
      {&community_, Path(id, "/rectifications"), R"({"text":"整改","attachment_ids":"1"})", 400,
       "attachment.not_found"},
      {&street_, Path(id, "/follow-ups"), R"({})", 400, "supervision.invalid_text"},
      {&street_, Path(987654, "/verify"), "", 404, "supervision.not_found"},
  };
  for (const auto& test : cases) {
    const auto result = test.client->Post(test.target, test.body);
    EXPECT_EQ(result.status, test.status) << test.target << " " << test.body << " → " << result.body;
    EXPECT_EQ(ErrorCode(result), test.code) << test.target << " " << test.body;
  }
  const auto wrong_type = Upload(community_, id, "报告.exe", "MZ\x90\x00");
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(ErrorCode(wrong_type), "attachment.type_not_allowed");
  const auto not_target_upload = Upload(street_, id, "报告.pdf", kPdf);
  EXPECT_EQ(ErrorCode(not_target_upload), "supervision.not_target");
  const auto detail = street_.Get(Path(id)).Json();
  EXPECT_EQ(detail.at("state").as_string(), "open") << "nothing changed";
  EXPECT_EQ(Kinds(detail), std::vector<std::string>{"issued"});
}

TEST_F(SupervisionApiTest, RejectsBadNewSupervisionsAndWritesNothing) {
  HttpClient city = server_.SignedIn("city");
  // The demo city may already have told the community something; nothing new may arrive.
  const std::int64_t notified_before = community_.Get("/api/v1/notifications").Json().at("total").as_int64();
  const std::int64_t xicheng_item = [&] {
    db::Session session(server_.application().database());
    return server_.application().duty_service().SeedItem(
        session.sql(), DemoOrgId(city, {"西城区"}),
        duty::DutyItemFields{2026, "community", "executing", "西城区事项", 1, 0}, server_.clock().NowSeconds());
  }();
  const auto body = [&](std::string_view field, std::string_view json_value) {
    boost::json::object input{
        {"target_org_id", heping_li_}, {"title", "督办"}, {"requirement", "整改要求"}, {"deadline", "2026-02-01"}};
    if (json_value.empty()) {
      input.erase(field);
    } else {
      input[field] = boost::json::parse(json_value);
    }
    return boost::json::serialize(input);
  };
  std::string long_title = "\"";
  for (int i = 0; i < 101; ++i) long_title += "督";
  long_title += "\"";
  const struct {
    HttpClient* client;
    std::string body;
    int status;
    std::string code;
  } cases[] = {
      {&street_, body("title", ""), 400, "supervision.invalid_title"},
      {&street_, body("title", R"(" ")"), 400, "supervision.invalid_title"},
      {&street_, body("title", long_title), 400, "supervision.invalid_title"},
      {&street_, body("requirement", ""), 400, "supervision.invalid_requirement"},
      {&street_, body("deadline", R"("2026-02-30")"), 400, "supervision.invalid_deadline"},
      {&street_, body("deadline", R"("2026/02/01")"), 400, "supervision.invalid_deadline"},
      {&street_, body("deadline", R"("2025-12-31")"), 400, "supervision.deadline_past"},
      {&street_, body("target_org_id", ""), 400, "supervision.target_not_below"},
      {&street_, body("target_org_id", std::to_string(heping_)), 400, "supervision.target_not_below"},
      // Outside the subtree (above it, or a sibling): as if the org did not exist.
      {&street_, body("target_org_id", std::to_string(dongcheng_)), 404, "org.not_found"},
      {&street_, body("target_org_id", std::to_string(shengli_)), 404, "org.not_found"},
      {&street_, body("target_org_id", "987654"), 404, "org.not_found"},
      {&street_, body("assignment_id", "987654"), 400, "supervision.invalid_assignment"},
      {&street_, body("duty_item_id", std::to_string(xicheng_item)), 400, "supervision.invalid_duty_item"},
      {&street_, body("duty_item_id", R"("x")"), 400, "supervision.invalid_duty_item"},
  };
  for (const auto& test : cases) {
    const auto result = test.client->Post("/api/v1/supervisions", test.body);
    EXPECT_EQ(result.status, test.status) << test.body << " → " << result.body;
    EXPECT_EQ(ErrorCode(result), test.code) << test.body;
  }
  EXPECT_EQ(district_.Get("/api/v1/supervisions").Json().at("total").as_int64(), 0) << "nothing written";
  EXPECT_EQ(community_.Get("/api/v1/notifications").Json().at("total").as_int64(), notified_before)
      << "nobody notified";
}

TEST_F(SupervisionApiTest, ListsByViewStateAndAsOf) {
  ASSERT_EQ(Issue(street_, heping_li_, "和平里督办", "2026-01-10").status, 201);
  server_.clock().Advance(10 * 60);
  ASSERT_EQ(Issue(street_, dongfeng_, "东风督办", "2026-01-20").status, 201);
  ASSERT_EQ(Issue(district_, heping_, "和平街道督办", "2026-01-31").status, 201);
  ASSERT_EQ(Issue(district_, shengli_, "胜利街道督办", "2026-01-31").status, 201);

  const auto titles = [](HttpClient& client, const std::string& query) {
    std::vector<std::string> result;
    const auto page = client.Get("/api/v1/supervisions" + query).Json();
    for (const auto& item : page.at("items").as_array()) result.emplace_back(item.at("title").as_string());
    if (query.find("limit") == std::string::npos) {
      EXPECT_EQ(page.at("total").as_int64(), static_cast<std::int64_t>(result.size())) << query;
    }
    return result;
  };
  EXPECT_EQ(titles(street_, "?view=issued"), (std::vector<std::string>{"东风督办", "和平里督办"})) << "newest first";
  EXPECT_EQ(titles(street_, "?view=received"), std::vector<std::string>{"和平街道督办"});
  EXPECT_EQ(titles(street_, ""), (std::vector<std::string>{"和平街道督办", "东风督办", "和平里督办"}));
  EXPECT_EQ(titles(district_, "?org=" + std::to_string(heping_)),
            (std::vector<std::string>{"和平街道督办", "东风督办", "和平里督办"}));
  EXPECT_EQ(titles(district_, "").size(), 4u);
  EXPECT_EQ(titles(community_, ""), std::vector<std::string>{"和平里督办"});
  EXPECT_EQ(titles(street_, "?view=issued&limit=1&offset=1"), std::vector<std::string>{"和平里督办"});
  EXPECT_EQ(street_.Get("/api/v1/supervisions?view=issued&limit=1").Json().at("total").as_int64(), 2);
  EXPECT_EQ(titles(street_, "?view=issued&as_of=2026-01-01T00:05:00Z"), std::vector<std::string>{"和平里督办"})
      << "only what existed then";

  // Days later (signed in again) the first one is overdue; once closed it is not.
  server_.clock().Advance(12 * 24 * 60 * 60);  // 2026-01-13, China time
  HttpClient street = server_.SignedIn("street");
  HttpClient community = server_.SignedIn("community");
  EXPECT_EQ(titles(street, "?view=issued&state=overdue"), std::vector<std::string>{"和平里督办"});
  const auto first = street.Get("/api/v1/supervisions?view=issued&state=overdue").Json().at("items").as_array()[0];
  EXPECT_TRUE(first.at("overdue").as_bool());
  const std::int64_t id = first.at("id").as_int64();
  ASSERT_EQ(community.Post(Path(id, "/rectifications"), R"({"text":"已整改"})").status, 200);
  EXPECT_EQ(titles(street, "?view=issued&state=answered"), std::vector<std::string>{"和平里督办"});
  ASSERT_EQ(street.Post(Path(id, "/verify"), "").status, 200);
  EXPECT_TRUE(titles(street, "?view=issued&state=overdue").empty());
  EXPECT_EQ(titles(street, "?view=issued&state=closed"), std::vector<std::string>{"和平里督办"});
  EXPECT_EQ(titles(street, "?view=issued&state=unclosed"), std::vector<std::string>{"东风督办"});
  EXPECT_EQ(titles(street, "?view=issued&state=unclosed&as_of=2026-01-12"),
            (std::vector<std::string>{"东风督办", "和平里督办"}))
      << "not closed by the end of 12 January";

  for (const std::string query : {"?view=mine", "?state=late", "?as_of=yesterday", "?limit=201"}) {
    const auto result = street.Get("/api/v1/supervisions" + query);
    EXPECT_EQ(result.status, 400) << query;
  }
}

}  // namespace
}  // namespace liandong::supervision
