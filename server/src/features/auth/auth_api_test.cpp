#include <gtest/gtest.h>

#include <sstream>

#include "core/log.hpp"
#include "db/database.hpp"
#include "testing/test_server.hpp"

namespace liandong::auth {
namespace {

using testing::HttpClient;
using testing::TestServer;

std::string LoginBody(const std::string& username, const std::string& password) {
  return boost::json::serialize(boost::json::object{{"username", username}, {"password", password}});
}

void ExpectError(const testing::HttpResult& result, int status, const std::string& code) {
  EXPECT_EQ(result.status, status) << result.body;
  EXPECT_EQ(result.Json().at("error").at("code").as_string(), code) << result.body;
}

class AuthApiTest : public ::testing::Test {
 protected:
  TestServer server_;
};

TEST_F(AuthApiTest, LoginSetsAStrictHttpOnlyCookieAndReturnsTheUserAndCsrfToken) {
  HttpClient client = server_.Client();
  const auto& login = server_.Login("street");
  const auto result = client.SignIn(login.username, login.password);
  ASSERT_EQ(result.status, 200) << result.body;
  const std::string cookie = result.Header("Set-Cookie");
  EXPECT_TRUE(cookie.starts_with("liandong_session=")) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  const std::string token = client.cookies().at("liandong_session");
  EXPECT_EQ(token.size(), 43u) << "256 random bits";

  const auto body = result.Json();
  EXPECT_EQ(body.at("csrf_token").as_string().size(), 43u);
  EXPECT_EQ(body.at("user").at("username").as_string(), "street.admin");
  EXPECT_EQ(body.at("user").at("org").at("name").as_string(), "和平街道");
  EXPECT_EQ(result.body.find(token), std::string::npos) << "the session token stays in the cookie";
  EXPECT_EQ(result.body.find(login.password), std::string::npos);
  EXPECT_FALSE(body.at("password_expired").as_bool());
  EXPECT_EQ(result.body.find("argon2"), std::string::npos);
}

TEST_F(AuthApiTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  HttpClient client = server_.Client();
  const auto wrong_password = client.Post("/api/v1/session", LoginBody("street.admin", "not-the-password"));
  const auto unknown_user = client.Post("/api/v1/session", LoginBody("nobody.here", "not-the-password"));
  ExpectError(wrong_password, 401, "auth.invalid_credentials");
  ExpectError(unknown_user, 401, "auth.invalid_credentials");
  EXPECT_EQ(wrong_password.Json().at("error").at("message").as_string(), "用户名或密码错误");
  EXPECT_EQ(unknown_user.Json().at("error").at("message"), wrong_password.Json().at("error").at("message"));
  EXPECT_TRUE(wrong_password.Headers("Set-Cookie").empty());
}

TEST_F(AuthApiTest, LoginNeedsBothFields) {
  HttpClient client = server_.Client();
  ExpectError(client.Post("/api/v1/session", R"({"username":"street.admin"})"), 400, "request.invalid_argument");
  ExpectError(client.Post("/api/v1/session", R"({"username":1,"password":"x"})"), 400, "request.invalid_argument");
  ExpectError(client.Post("/api/v1/session", R"({"username":"","password":"x"})"), 400, "request.invalid_argument");
  ExpectError(client.Post("/api/v1/session", "username=a&password=b"), 400, "request.invalid_json");
}

TEST_F(AuthApiTest, MeNeedsASession) {
  HttpClient anonymous = server_.Client();
  ExpectError(anonymous.Get("/api/v1/me"), 401, "auth.unauthenticated");
  HttpClient client = server_.SignedIn("district");
  const auto me = client.Get("/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.Json().at("user").at("org").at("name").as_string(), "东城区");
  EXPECT_EQ(me.Json().at("csrf_token").as_string(), client.csrf_token());
}

TEST_F(AuthApiTest, LogoutNeedsTheCsrfHeaderAndEndsTheSessionOnTheServer) {
  HttpClient client = server_.SignedIn("community");
  const std::string token = client.cookies().at("liandong_session");
  client.set_send_csrf(false);
  ExpectError(client.Delete("/api/v1/session"), 403, "auth.csrf_invalid");
  EXPECT_EQ(client.Get("/api/v1/me").status, 200) << "a refused logout leaves the session alone";

  client.set_send_csrf(true);
  const auto logout = client.Delete("/api/v1/session");
  EXPECT_EQ(logout.status, 204);
  EXPECT_NE(logout.Header("Set-Cookie").find("Max-Age=0"), std::string::npos);

  HttpClient replay = server_.Client();
  replay.cookies()["liandong_session"] = token;
  ExpectError(replay.Get("/api/v1/me"), 401, "auth.unauthenticated");
}

TEST_F(AuthApiTest, IdleSessionsExpire) {
  HttpClient client = server_.SignedIn("city");
  server_.clock().Advance(14 * 60);
  EXPECT_EQ(client.Get("/api/v1/me").status, 200) << "used within 15 minutes";
  server_.clock().Advance(14 * 60);
  EXPECT_EQ(client.Get("/api/v1/me").status, 200) << "the last use counts, not the login";
  server_.clock().Advance(16 * 60);
  ExpectError(client.Get("/api/v1/me"), 401, "auth.session_expired");
  // And it is gone: the next request no longer finds it at all.
  ExpectError(client.Get("/api/v1/me"), 401, "auth.unauthenticated");
}

TEST_F(AuthApiTest, SessionsEndAfterEightHoursHoweverBusy) {
  HttpClient client = server_.SignedIn("city");
  for (int i = 0; i < 8 * 6; ++i) {
    server_.clock().Advance(10 * 60);
    const auto result = client.Get("/api/v1/me");
    if (i < 8 * 6 - 1) {
      ASSERT_EQ(result.status, 200) << "after " << (i + 1) * 10 << " minutes";
    }
  }
  server_.clock().Advance(10 * 60);
  ExpectError(client.Get("/api/v1/me"), 401, "auth.session_expired");
}

TEST_F(AuthApiTest, LogsCarryNeitherPasswordsNorTokens) {
  std::ostringstream captured;
  core::log::CaptureForTesting(&captured);
  core::log::Init("debug");
  const auto& login = server_.Login("street");
  HttpClient client = server_.Client();
  client.Post("/api/v1/session", LoginBody(login.username, "wrong-" + login.password));
  client.SignIn(login.username, login.password);
  client.Get("/api/v1/me");
  client.Delete("/api/v1/session");
  core::log::Init("off");
  core::log::CaptureForTesting(nullptr);
  const std::string text = captured.str();
  EXPECT_NE(text.find("auth.login"), std::string::npos) << "logins are logged";
  EXPECT_NE(text.find("auth.login_failed"), std::string::npos);
  EXPECT_EQ(text.find(login.password), std::string::npos);
  EXPECT_EQ(text.find(client.csrf_token()), std::string::npos);
}

TEST_F(AuthApiTest, FiveFailuresInARowLockTheAccountForFifteenMinutes) {
  const auto& login = server_.Login("street");
  HttpClient client = server_.Client();
  for (int i = 0; i < 5; ++i) {
    ExpectError(client.Post("/api/v1/session", LoginBody(login.username, "wrong")), 401, "auth.invalid_credentials");
  }
  const auto locked = client.Post("/api/v1/session", LoginBody(login.username, login.password));
  ExpectError(locked, 401, "auth.invalid_credentials");
  EXPECT_EQ(locked.Json().at("error").at("message").as_string(), "用户名或密码错误") << "a lock is not announced";
  server_.clock().Advance(14 * 60);
  EXPECT_EQ(client.Post("/api/v1/session", LoginBody(login.username, login.password)).status, 401);
  server_.clock().Advance(2 * 60);
  EXPECT_EQ(client.SignIn(login.username, login.password).status, 200) << "unlocked after 15 minutes";
}

TEST_F(AuthApiTest, FailuresThatAreNotInARowDoNotLock) {
  const auto& login = server_.Login("city");
  HttpClient client = server_.Client();
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 4; ++i) client.Post("/api/v1/session", LoginBody(login.username, "wrong"));
    server_.clock().Advance(61);  // stay under the per-address limit
    ASSERT_EQ(client.SignIn(login.username, login.password).status, 200) << "round " << round;
  }
}

// Behind nginx and HAProxy every request comes from a proxy: with --trusted-proxy the client is
// the address the proxies forwarded, and the per-address limit counts each client apart. A
// client that is not a trusted proxy cannot choose the address it is counted under.
TEST(AuthBehindProxiesTest, TheRateLimitCountsTheForwardedClientAddress) {
  testing::TestServerOptions options;
  options.server.trusted_proxies = {"127.0.0.0/8"};
  TestServer server(options);
  HttpClient client = server.Client();
  const HttpClient::Headers first = {{"X-Forwarded-For", "203.0.113.7"}};
  const HttpClient::Headers second = {{"X-Forwarded-For", "203.0.113.8, 127.0.0.1"}};
  for (int i = 0; i < 20; ++i) {
    client.Post("/api/v1/session", LoginBody("nobody" + std::to_string(i), "wrong"), first);
  }
  ExpectError(client.Post("/api/v1/session", LoginBody("nobody", "wrong"), first), 429, "request.rate_limited");
  ExpectError(client.Post("/api/v1/session", LoginBody("nobody", "wrong"), second), 401, "auth.invalid_credentials");
  const auto& login = server.Login("city");
  EXPECT_EQ(client.Post("/api/v1/session", LoginBody(login.username, login.password), second).status, 200);
}

TEST(AuthBehindProxiesTest, AClientThatIsNoTrustedProxyCannotChooseItsAddress) {
  testing::TestServerOptions options;
  options.server.trusted_proxies = {"192.0.2.1"};  // not the test's loopback
  TestServer server(options);
  HttpClient client = server.Client();
  for (int i = 0; i < 20; ++i) {
    client.Post("/api/v1/session", LoginBody("nobody" + std::to_string(i), "wrong"),
                {{"X-Forwarded-For", "198.51.100." + std::to_string(i)}});
  }
  ExpectError(client.Post("/api/v1/session", LoginBody("nobody", "wrong"), {{"X-Forwarded-For", "198.51.100.99"}}),
              429, "request.rate_limited");
}

TEST_F(AuthApiTest, TooManyFailuresFromOneAddressAreRateLimited) {
  HttpClient client = server_.Client();
  for (int i = 0; i < 20; ++i) client.Post("/api/v1/session", LoginBody("nobody" + std::to_string(i), "wrong"));
  ExpectError(client.Post("/api/v1/session", LoginBody("nobody", "wrong")), 429, "request.rate_limited");
  const auto& login = server_.Login("district");
  EXPECT_EQ(client.Post("/api/v1/session", LoginBody(login.username, login.password)).status, 429);
  server_.clock().Advance(61);
  EXPECT_EQ(client.SignIn(login.username, login.password).status, 200) << "the window has passed";
}

TEST_F(AuthApiTest, AtMostThreeSessionsPerUserTheOldestEnds) {
  std::vector<HttpClient> clients;
  for (int i = 0; i < 4; ++i) clients.push_back(server_.SignedIn("community"));
  ExpectError(clients[0].Get("/api/v1/me"), 401, "auth.unauthenticated");
  for (int i = 1; i < 4; ++i) EXPECT_EQ(clients[i].Get("/api/v1/me").status, 200) << i;
}

TEST_F(AuthApiTest, EveryLoginAttemptAndLogoutIsAudited) {
  const auto& login = server_.Login("street");
  HttpClient client = server_.Client();
  client.Post("/api/v1/session", LoginBody(login.username, "wrong"));
  client.Post("/api/v1/session", LoginBody("nobody.here", "wrong"));
  client.SignIn(login.username, login.password);
  client.Delete("/api/v1/session");
  db::Session session(server_.application().database());
  std::vector<std::string> results;
  std::string result;
  soci::statement statement =
      (session.sql().prepare << "SELECT action || ':' || result FROM audit_log ORDER BY id", soci::into(result));
  statement.execute();
  while (statement.fetch()) results.push_back(result);
  EXPECT_EQ(results,
            (std::vector<std::string>{"auth.login:failed", "auth.login:failed", "auth.login:ok", "auth.logout:ok"}));
}

std::string PasswordBody(const std::string& current, const std::string& next) {
  return boost::json::serialize(boost::json::object{{"current_password", current}, {"new_password", next}});
}

TEST_F(AuthApiTest, ChangingThePasswordFollowsThePolicy) {
  const auto& login = server_.Login("street");
  HttpClient client = server_.SignedIn("street");
  HttpClient other = server_.SignedIn("street");
  struct Case {
    std::string current;
    std::string next;
    std::string code;
  };
  const std::vector<Case> refused = {
      {"wrong-password", "Another#Passw0rd", "auth.wrong_password"},
      {login.password, "Short1!", "password.too_short"},
      {login.password, "onlylowercaseletters", "password.too_simple"},
      {login.password, "P@ssw0rd1234", "password.common"},
      {login.password, "street.admin#2026X", "password.contains_username"},
      {login.password, login.password, "password.reused"},
  };
  for (const Case& c : refused)
    ExpectError(client.Post("/api/v1/me/password", PasswordBody(c.current, c.next)), 400, c.code);
  ASSERT_EQ(client.Post("/api/v1/me/password", PasswordBody(login.password, "新的密码-Strong#2026")).status, 204);
  EXPECT_EQ(client.Get("/api/v1/me").status, 200) << "this session goes on";
  ExpectError(other.Get("/api/v1/me"), 401, "auth.unauthenticated");  // the others end
  HttpClient fresh = server_.Client();
  EXPECT_EQ(fresh.Post("/api/v1/session", LoginBody(login.username, login.password)).status, 401);
  EXPECT_EQ(fresh.SignIn(login.username, "新的密码-Strong#2026").status, 200);

  // None of the last five may come back.
  std::string current = "新的密码-Strong#2026";
  for (int i = 0; i < 4; ++i) {
    const std::string next = "Rotation#" + std::to_string(i) + "-Passw0rd";
    ASSERT_EQ(fresh.Post("/api/v1/me/password", PasswordBody(current, next)).status, 204) << i;
    current = next;
  }
  ExpectError(fresh.Post("/api/v1/me/password", PasswordBody(current, "新的密码-Strong#2026")), 400, "password.reused");
  EXPECT_EQ(fresh.Post("/api/v1/me/password", PasswordBody(current, login.password)).status, 204)
      << "the sixth one back is allowed again";
}

TEST_F(AuthApiTest, AnExpiredPasswordMustBeChangedFirst) {
  const auto& login = server_.Login("community");
  HttpClient client = server_.Client();
  server_.clock().Advance(91LL * 24 * 60 * 60);
  const auto signed_in = client.SignIn(login.username, login.password);
  ASSERT_EQ(signed_in.status, 200);
  EXPECT_TRUE(signed_in.Json().at("password_expired").as_bool());
  const std::int64_t org_id = signed_in.Json().at("user").at("org").at("id").as_int64();
  ExpectError(client.Get("/api/v1/orgs/" + std::to_string(org_id)), 403, "auth.password_expired");
  EXPECT_TRUE(client.Get("/api/v1/me").Json().at("password_expired").as_bool());
  ASSERT_EQ(client.Post("/api/v1/me/password", PasswordBody(login.password, "Renewed#Passw0rd-2026")).status, 204);
  EXPECT_EQ(client.Get("/api/v1/orgs/" + std::to_string(org_id)).status, 200);
  EXPECT_FALSE(client.Get("/api/v1/me").Json().at("password_expired").as_bool());
}

}  // namespace
}  // namespace liandong::auth
