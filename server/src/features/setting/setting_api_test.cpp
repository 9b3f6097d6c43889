// Settings and policies: each changed only by the duty that owns it, within its bounds, audited.
#include <gtest/gtest.h>

#include "testing/test_server.hpp"

namespace liandong::setting {
namespace {

using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

void ExpectError(const HttpResult& result, int status, const std::string& code) {
  EXPECT_EQ(result.status, status) << result.body;
  EXPECT_EQ(result.Json().at("error").at("code").as_string(), code) << result.body;
}

class SettingApiTest : public ::testing::Test {
 protected:
  HttpResult Put(HttpClient& client, const std::string& name, const std::string& value) {
    return client.Send(http::Verb::put, "/api/v1/settings/" + name, R"({"value":)" + value + "}");
  }
  TestServer server_;
};

TEST_F(SettingApiTest, AuditRetentionIsNeverBelowSixMonths) {
  HttpClient system = server_.SignedIn("system");
  const auto list = system.Get("/api/v1/settings").Json();
  bool found = false;
  for (const auto& setting : list.at("items").as_array()) {
    if (setting.at("name") != "audit_retention_days") continue;
    found = true;
    EXPECT_EQ(setting.at("value").as_string(), "184");
    EXPECT_EQ(setting.at("min").as_int64(), 184);
  }
  EXPECT_TRUE(found);
  ExpectError(Put(system, "audit_retention_days", "183"), 400, "setting.out_of_range");
  ExpectError(Put(system, "audit_retention_days", R"("365")"), 400, "request.invalid_argument");
  ASSERT_EQ(Put(system, "audit_retention_days", "365").status, 200);
  EXPECT_EQ(server_.application().setting_service().Integer(kAuditRetentionDays), 365);
  ExpectError(Put(system, "no_such_setting", "1"), 404, "setting.not_found");
}

TEST_F(SettingApiTest, EachSettingBelongsToOneDuty) {
  HttpClient system = server_.SignedIn("system");
  HttpClient security = server_.SignedIn("security");
  HttpClient audit = server_.SignedIn("audit");
  ExpectError(Put(security, "audit_retention_days", "400"), 403, "auth.permission_denied");
  ExpectError(Put(system, "password_max_age_days", "60"), 403, "auth.permission_denied");
  ExpectError(audit.Get("/api/v1/settings"), 403, "auth.permission_denied");
  ExpectError(Put(security, "password_max_age_days", "10"), 400, "setting.out_of_range");
  ExpectError(Put(security, "second_factor_for_all_staff", "1"), 400, "setting.invalid_bool");
  ASSERT_EQ(Put(security, "password_max_age_days", "30").status, 200);
  db::Session session(server_.application().database());
  std::string detail;
  session.sql() << "SELECT detail FROM audit_log WHERE action = 'setting.update' ORDER BY id DESC", soci::into(detail);
  EXPECT_EQ(detail, "password_max_age_days: 90 → 30");
}

TEST_F(SettingApiTest, AShorterPasswordAgeExpiresPasswordsAtOnce) {
  server_.SignedIn("security");  // enrols its second factor
  server_.clock().Advance(40LL * 24 * 60 * 60);
  HttpClient street = server_.SignedIn("street");
  EXPECT_EQ(street.Get("/api/v1/members").status, 200) << "40 days is within the default 90";
  HttpClient security = server_.SignedIn("security");
  ASSERT_EQ(Put(security, "password_max_age_days", "30").status, 200);
  ExpectError(street.Get("/api/v1/members"), 403, "auth.password_expired");
}

}  // namespace
}  // namespace liandong::setting
