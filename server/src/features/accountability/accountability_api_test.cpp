#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::accountability {
namespace {

using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

class AccountabilityApiTest : public ::testing::Test {
 protected:
  std::int64_t AuditCount(const std::string& action, std::int64_t target_id) {
    db::Session session(server_.application().database());
    return server_.application().audit_writer().CountFor(session.sql(), action, target_id);
  }

  std::int64_t IssueSupervision(HttpClient& client, std::int64_t target, const std::string& title) {
    const auto result = client.Post(
        "/api/v1/supervisions",
        boost::json::serialize(boost::json::object{
            {"target_org_id", target}, {"title", title}, {"requirement", "限期整改"}, {"deadline", "2026-01-10"}}));
    EXPECT_EQ(result.status, 201) << result.body;
    return result.Json().at("id").as_int64();
  }

  static std::string Record(std::int64_t target, std::string_view link, std::int64_t link_id) {
    boost::json::object body{{"target_org_id", target},
                             {"measure", "通报批评"},
                             {"subject", "和平街道党工委"},
                             {"reason", "督办事项逾期未整改"},
                             {"decided_on", "2026-01-20"}};
    if (!link.empty()) body[link] = link_id;
    return boost::json::serialize(body);
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient district_ = server_.SignedIn("district");
  HttpClient street_ = server_.SignedIn("street");
  HttpClient community_ = server_.SignedIn("community");
  std::int64_t dongcheng_ = DemoOrgId(district_, {});
  std::int64_t heping_ = DemoOrgId(street_, {});
  std::int64_t shengli_ = DemoOrgId(district_, {"胜利街道"});
  std::int64_t xicheng_ = DemoOrgId(city_, {"西城区"});
};

TEST_F(AccountabilityApiTest, RecordsAreReadableOnlyWithThePermission) {
  const std::int64_t supervision = IssueSupervision(district_, heping_, "阵地建设逾期");
  const auto created = district_.Post("/api/v1/accountabilities", Record(heping_, "supervision_id", supervision));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto record = created.Json();
  EXPECT_EQ(record.at("org").at("name").as_string(), "东城区");
  EXPECT_EQ(record.at("target").at("name").as_string(), "和平街道");
  EXPECT_EQ(record.at("supervision").at("title").as_string(), "阵地建设逾期");
  EXPECT_TRUE(record.at("assignment").is_null());
  EXPECT_TRUE(record.at("duty_item").is_null());
  EXPECT_EQ(record.at("measure").as_string(), "通报批评");
  EXPECT_EQ(record.at("decided_on").as_string(), "2026-01-20");
  EXPECT_EQ(AuditCount("accountability.create", record.at("id").as_int64()), 1);

  const auto listed = district_.Get("/api/v1/accountabilities");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.Json().at("total").as_int64(), 1);
  EXPECT_EQ(listed.Json().at("items").as_array()[0], record);
  EXPECT_EQ(city_.Get("/api/v1/accountabilities").Json().at("total").as_int64(), 1) << "the city above sees it";
  EXPECT_EQ(city_.Get("/api/v1/accountabilities?org=" + std::to_string(xicheng_)).Json().at("total").as_int64(), 0);

  // The street it concerns has no accountability:read: not in its lists, not in the supervision.
  for (HttpClient* client : {&street_, &community_}) {
    const auto denied = client->Get("/api/v1/accountabilities");
    EXPECT_EQ(denied.status, 403);
    EXPECT_EQ(ErrorCode(denied), "auth.permission_denied");
  }
  const std::string seen = street_.Get("/api/v1/supervisions/" + std::to_string(supervision)).body +
                           street_.Get("/api/v1/supervisions").body + street_.Get("/api/v1/notifications").body;
  EXPECT_EQ(seen.find("通报批评"), std::string::npos) << seen;
  EXPECT_EQ(seen.find("accountab"), std::string::npos) << seen;
  const auto write = street_.Post("/api/v1/accountabilities", Record(heping_, "supervision_id", supervision));
  EXPECT_EQ(write.status, 403);
  EXPECT_EQ(ErrorCode(write), "auth.permission_denied");
}

TEST_F(AccountabilityApiTest, RejectsBadInputWithItsCodeAndWritesNothing) {
  const std::int64_t supervision = IssueSupervision(district_, heping_, "和平街道督办");
  const std::int64_t other_supervision = IssueSupervision(district_, shengli_, "胜利街道督办");
  const auto with = [&](std::string_view field, std::string_view json_value) {
    auto body = boost::json::parse(Record(heping_, "supervision_id", supervision)).as_object();
    if (json_value.empty()) {
      body.erase(field);
    } else {
      body[field] = boost::json::parse(json_value);
    }
    return boost::json::serialize(body);
  };
  const struct {
    std::string body;
    int status;
    std::string code;
  } cases[] = {
      {Record(heping_, "", 0), 400, "accountability.no_link"},
      {Record(heping_, "supervision_id", other_supervision), 400, "accountability.invalid_link"},
      {Record(heping_, "supervision_id", 987654), 400, "accountability.invalid_link"},
      {Record(heping_, "assignment_id", 987654), 400, "accountability.invalid_link"},
      {Record(heping_, "duty_item_id", 987654), 400, "accountability.invalid_link"},
      {Record(dongcheng_, "supervision_id", supervision), 400, "accountability.target_not_below"},
      {Record(xicheng_, "supervision_id", supervision), 404, "org.not_found"},  // outside: as if none
      {with("measure", R"("")"), 400, "accountability.invalid_measure"},
      {with("subject", ""), 400, "accountability.invalid_subject"},
      {with("reason", R"(" ")"), 400, "accountability.invalid_reason"},
      {with("decided_on", R"("2026-13-01")"), 400, "accountability.invalid_date"},
      {with("target_org_id", R"("和平街道")"), 400, "accountability.target_not_below"},
  };
  for (const auto& test : cases) {
    const auto result = district_.Post("/api/v1/accountabilities", test.body);
    EXPECT_EQ(result.status, test.status) << test.body << " → " << result.body;
    EXPECT_EQ(ErrorCode(result), test.code) << test.body;
  }
  EXPECT_EQ(district_.Get("/api/v1/accountabilities").Json().at("total").as_int64(), 0) << "nothing written";
  const auto valid = district_.Post("/api/v1/accountabilities", Record(heping_, "supervision_id", supervision));
  EXPECT_EQ(valid.status, 201) << "the same record, valid: " << valid.body;
}

}  // namespace
}  // namespace liandong::accountability
