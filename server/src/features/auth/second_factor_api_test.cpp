// The second factor end to end: administrators must enrol TOTP before any work, a login of an
// enrolled user stops half-way until the code, a code is never accepted twice, recovery codes work
// once each, wrong codes lock the account like wrong passwords, and the policy can require it of
// all staff.
#include <gtest/gtest.h>

#include "core/totp.hpp"
#include "features/setting/setting_service.hpp"
#include "testing/test_server.hpp"

namespace liandong::auth {
namespace {

using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

void ExpectError(const HttpResult& result, int status, const std::string& code) {
  EXPECT_EQ(result.status, status) << result.body;
  EXPECT_EQ(result.Json().at("error").at("code").as_string(), code) << result.body;
}

std::string CodeBody(const std::string& code) { return boost::json::serialize(boost::json::object{{"code", code}}); }

class SecondFactorApiTest : public ::testing::Test {
 protected:
  // Signs in with the password only.
  HttpClient PasswordOnly(const std::string& role, HttpResult* result = nullptr) {
    HttpClient client = server_.Client();
    const auto& login = server_.Login(role);
    const HttpResult signed_in = client.SignIn(login.username, login.password);
    EXPECT_EQ(signed_in.status, 200) << signed_in.body;
    if (result != nullptr) *result = signed_in;
    return client;
  }

  std::int64_t CountAudit(const std::string& action, const std::string& result) {
    db::Session session(server_.application().database());
    long long count = 0;
    session.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = :action AND result = :result",
        soci::use(action, "action"), soci::use(result, "result"), soci::into(count);
    return count;
  }

  TestServer server_;
};

TEST_F(SecondFactorApiTest, AnAdministratorCanDoNothingButEnrolUntilATotpIsSetUp) {
  HttpResult login;
  HttpClient client = PasswordOnly("audit", &login);
  EXPECT_EQ(login.Json().at("second_factor").as_string(), "enrol");
  ExpectError(client.Get("/api/v1/audit"), 403, "auth.second_factor_enrolment_required");
  EXPECT_EQ(client.Get("/api/v1/me").Json().at("second_factor").as_string(), "enrol");

  const auto started = client.Post("/api/v1/me/second-factor/enrolment", "");
  ASSERT_EQ(started.status, 200) << started.body;
  const std::string uri(started.Json().at("uri").as_string());
  EXPECT_TRUE(uri.starts_with("otpauth://totp/Liandong:audit.admin?secret=")) << uri;
  const std::string secret = *core::Base32Decode(started.Json().at("secret").as_string());
  EXPECT_EQ(secret.size(), 20u);

  ExpectError(client.Post("/api/v1/me/second-factor/enrolment/confirm", CodeBody("000000")), 400,
              "auth.invalid_second_factor");
  const std::string code = core::Hotp(secret, core::TotpStep(server_.clock().NowSeconds()));
  const auto confirmed = client.Post("/api/v1/me/second-factor/enrolment/confirm", CodeBody(code));
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.Json().at("recovery_codes").as_array().size(), 10u);
  EXPECT_EQ(client.Get("/api/v1/audit").status, 200) << "the enrolled session may work";
  ExpectError(client.Post("/api/v1/me/second-factor/enrolment", ""), 409, "auth.second_factor_enrolled");

  // The secret is stored encrypted, never in the clear.
  db::Session session(server_.application().database());
  std::string stored;
  session.sql() << "SELECT secret_ciphertext FROM user_totp", soci::into(stored);
  EXPECT_EQ(stored.find(core::Base32Encode(secret)), std::string::npos);
  EXPECT_EQ(stored.find(secret), std::string::npos);
}

TEST_F(SecondFactorApiTest, AnEnrolledLoginStopsHalfWayAndACodeIsNeverAcceptedTwice) {
  HttpClient first = server_.SignedIn("security");  // enrols
  HttpResult login;
  HttpClient client = PasswordOnly("security", &login);
  EXPECT_EQ(login.Json().at("second_factor").as_string(), "required");
  const std::string half_open_token = client.cookies().at("liandong_session");
  ExpectError(client.Get("/api/v1/roles"), 401, "auth.second_factor_required");
  ExpectError(client.Get("/api/v1/me/second-factor"), 401, "auth.second_factor_required");
  ExpectError(client.Post("/api/v1/me/password", R"({"current_password":"x","new_password":"y"})"), 401,
              "auth.second_factor_required");
  EXPECT_EQ(client.Get("/api/v1/me").Json().at("second_factor").as_string(), "required");

  const std::string code = server_.NextTotpCode("sec.admin");
  const auto passed = client.SendSecondFactor(code);
  ASSERT_EQ(passed.status, 200) << passed.body;
  EXPECT_NE(client.cookies().at("liandong_session"), half_open_token) << "a new token once fully signed in";
  EXPECT_EQ(client.Get("/api/v1/roles").status, 200);

  // The same code again, at once, in another login: refused.
  HttpClient replay = PasswordOnly("security");
  ExpectError(replay.SendSecondFactor(code), 401, "auth.invalid_second_factor");
  // The old half-open token is gone.
  HttpClient stale = server_.Client();
  stale.cookies()["liandong_session"] = half_open_token;
  ExpectError(stale.Get("/api/v1/me"), 401, "auth.unauthenticated");
  EXPECT_GE(CountAudit("auth.second_factor", "failed"), 1);
  EXPECT_GE(CountAudit("auth.second_factor", "ok"), 1);
}

TEST_F(SecondFactorApiTest, RecoveryCodesWorkOnceEach) {
  HttpClient client = server_.Client();
  const auto& login = server_.Login("system");
  ASSERT_EQ(client.SignIn(login.username, login.password).status, 200);
  const std::vector<std::string> codes = server_.EnrolSecondFactor(client, login.username);
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(client.Get("/api/v1/me/second-factor").Json().at("recovery_codes_left").as_int64(), 10);

  HttpClient second = PasswordOnly("system");
  std::string lower = codes[3];
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ASSERT_EQ(second.SendSecondFactor(lower, true).status, 200) << "case and dashes do not matter";
  EXPECT_EQ(second.Get("/api/v1/me/second-factor").Json().at("recovery_codes_left").as_int64(), 9);
  HttpClient third = PasswordOnly("system");
  ExpectError(third.SendSecondFactor(codes[3], true), 401, "auth.invalid_second_factor");
}

TEST_F(SecondFactorApiTest, WrongCodesLockTheAccountLikeWrongPasswords) {
  server_.SignedIn("audit");  // enrols
  HttpClient client = PasswordOnly("audit");
  for (int i = 0; i < 4; ++i) ExpectError(client.SendSecondFactor("123456"), 401, "auth.invalid_second_factor");
  // The fifth failure locks the account and ends the half-open session.
  ExpectError(client.SendSecondFactor("123456"), 401, "auth.invalid_credentials");
  ExpectError(client.Get("/api/v1/me"), 401, "auth.unauthenticated");
  // Even the right password and a right code get nowhere for 15 minutes.
  HttpClient again = server_.Client();
  const auto& login = server_.Login("audit");
  ExpectError(again.SignIn(login.username, login.password), 401, "auth.invalid_credentials");
  server_.clock().Advance(16 * 60);
  HttpClient later = PasswordOnly("audit");
  EXPECT_EQ(later.SendSecondFactor(server_.NextTotpCode("audit.admin")).status, 200);
}

TEST_F(SecondFactorApiTest, ThePolicyCanRequireASecondFactorOfAllStaff) {
  HttpClient street = server_.SignedIn("street");
  EXPECT_EQ(street.Get("/api/v1/members").status, 200) << "staff need no second factor by default";
  HttpClient system = server_.SignedIn("system");
  ExpectError(system.Send(http::Verb::put, "/api/v1/settings/second_factor_for_all_staff", R"({"value":true})"), 403,
              "auth.permission_denied");  // a policy: the security administrator's
  HttpClient security = server_.SignedIn("security");
  ASSERT_EQ(security.Send(http::Verb::put, "/api/v1/settings/second_factor_for_all_staff", R"({"value":true})").status,
            200);
  ExpectError(street.Get("/api/v1/members"), 403, "auth.second_factor_enrolment_required");
  HttpResult login;
  PasswordOnly("community", &login);
  EXPECT_EQ(login.Json().at("second_factor").as_string(), "enrol");
}

}  // namespace
}  // namespace liandong::auth
