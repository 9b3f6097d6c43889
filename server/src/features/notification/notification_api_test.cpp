// The inbox over HTTP on both databases: each user sees their own org's notifications only (not
// those of orgs below or beside it), marks them read one by one or all at once, and gets the
// same 404 for another org's notification as for one that does not exist.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::notification {
namespace {

using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string ReadPath(std::int64_t id) { return "/api/v1/notifications/" + std::to_string(id) + "/read"; }

class NotificationApiTest : public ::testing::Test {
 protected:
  // Writes a notification to `org_id` the way features do, in a write transaction; returns its id
  // as the org's users see it (the newest item of their inbox).
  void Notify(std::int64_t org_id, const std::string& title) {
    db::Session session(server_.application().database());
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    server_.application().notification_service().Notify(session.sql(),
                                                        {org_id, "bulletin", title, "正文", "/bulletins"});
    transaction.Commit();
  }

  std::vector<std::string> Titles(HttpClient& client, const std::string& query = "") {
    const auto inbox = client.Get("/api/v1/notifications" + query);
    EXPECT_EQ(inbox.status, 200) << inbox.body;
    const boost::json::value json = inbox.Json();
    std::vector<std::string> titles;
    for (const auto& item : json.at("items").as_array()) titles.emplace_back(item.at("title").as_string());
    return titles;
  }

  std::int64_t NewestId(HttpClient& client) {
    return client.Get("/api/v1/notifications").Json().at("items").as_array().at(0).at("id").as_int64();
  }

  std::int64_t Unread(HttpClient& client) {
    const auto count = client.Get("/api/v1/notifications/unread-count");
    EXPECT_EQ(count.status, 200) << count.body;
    return count.Json().at("unread").as_int64();
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient district_ = server_.SignedIn("district");
  HttpClient street_ = server_.SignedIn("street");
  std::int64_t dongcheng_ = DemoOrgId(city_, {"东城区"});
  std::int64_t heping_ = DemoOrgId(city_, {"东城区", "和平街道"});
};

TEST_F(NotificationApiTest, AUserSeesOnlyTheirOwnOrgsInbox) {
  Notify(dongcheng_, "区里的通知");
  Notify(heping_, "街道的通知");

  EXPECT_EQ(Titles(district_), std::vector<std::string>{"区里的通知"});
  EXPECT_EQ(Titles(street_), std::vector<std::string>{"街道的通知"});
  // The city is above both, but an inbox is the org's own, not its subtree's.
  EXPECT_TRUE(Titles(city_).empty());
  EXPECT_EQ(Unread(city_), 0);
}

TEST_F(NotificationApiTest, ReadMarksAreEachUsersAndCountTowardsTheUnreadCount) {
  Notify(heping_, "第一条");
  Notify(heping_, "第二条");
  Notify(heping_, "第三条");
  EXPECT_EQ(Unread(street_), 3);

  const std::int64_t newest = NewestId(street_);
  ASSERT_EQ(street_.Post(ReadPath(newest), "").status, 204);
  EXPECT_EQ(Unread(street_), 2);
  EXPECT_EQ(Titles(street_, "?unread=true"), (std::vector<std::string>{"第二条", "第一条"}));
  const auto inbox = street_.Get("/api/v1/notifications").Json();
  EXPECT_EQ(inbox.at("total").as_int64(), 3);
  EXPECT_EQ(inbox.at("unread").as_int64(), 2);
  EXPECT_TRUE(inbox.at("items").as_array().at(0).at("read").as_bool());

  // Reading one again changes nothing.
  ASSERT_EQ(street_.Post(ReadPath(newest), "").status, 204);
  EXPECT_EQ(Unread(street_), 2);

  ASSERT_EQ(street_.Post("/api/v1/notifications/read-all", "").status, 204);
  EXPECT_EQ(Unread(street_), 0);
  EXPECT_TRUE(Titles(street_, "?unread=true").empty());
  EXPECT_EQ(Titles(street_).size(), 3u) << "read notifications stay in the inbox";
}

TEST_F(NotificationApiTest, AnotherOrgsNotificationIsNotFoundLikeOneThatDoesNotExist) {
  Notify(heping_, "街道的通知");
  const std::int64_t streets = NewestId(street_);

  // Above it (the district, the city) or beside it: the same answer as for no such id.
  for (HttpClient* outsider : {&district_, &city_}) {
    const auto refused = outsider->Post(ReadPath(streets), "");
    EXPECT_EQ(refused.status, 404) << refused.body;
    EXPECT_EQ(ErrorCode(refused), "notification.not_found");
  }
  const auto missing = street_.Post(ReadPath(streets + 1000), "");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(ErrorCode(missing), "notification.not_found");

  EXPECT_EQ(Unread(street_), 1) << "an outsider's attempt marks nothing read";
}

TEST_F(NotificationApiTest, ReadAllMarksOnlyTheUsersOwnOrg) {
  Notify(dongcheng_, "区里的通知");
  Notify(heping_, "街道的通知");
  ASSERT_EQ(district_.Post("/api/v1/notifications/read-all", "").status, 204);
  EXPECT_EQ(Unread(district_), 0);
  EXPECT_EQ(Unread(street_), 1);
}

}  // namespace
}  // namespace liandong::notification
