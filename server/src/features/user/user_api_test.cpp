// The system administrator's work on staff accounts, and the limits of it (三员分立).
#include <gtest/gtest.h>

#include "testing/test_server.hpp"

namespace liandong::user {
namespace {

using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

void ExpectError(const HttpResult& result, int status, const std::string& code) {
  EXPECT_EQ(result.status, status) << result.body;
  EXPECT_EQ(result.Json().at("error").at("code").as_string(), code) << result.body;
}

class UserApiTest : public ::testing::Test {
 protected:
  void SetUp() override { system_ = std::make_unique<HttpClient>(server_.SignedIn("system")); }

  std::int64_t OrgId(const std::string& name) {
    const auto hits = system_->Get("/api/v1/orgs?q=" + name).Json();
    return hits.at("items").as_array()[0].at("id").as_int64();
  }

  std::int64_t UserId(const std::string& username) {
    const auto page = system_->Get("/api/v1/users?q=" + username).Json();
    for (const auto& user : page.at("items").as_array()) {
      if (user.at("username").as_string() == username) return user.at("id").as_int64();
    }
    ADD_FAILURE() << "no user " << username;
    return 0;
  }

  HttpResult Create(const std::string& username, const std::string& role, std::int64_t org_id) {
    return system_->Post("/api/v1/users", boost::json::serialize(boost::json::object{
                                              {"org_id", org_id},
                                              {"username", username},
                                              {"display_name", "新同志"},
                                              {"role", role},
                                          }));
  }

  TestServer server_;
  std::unique_ptr<HttpClient> system_;
};

TEST_F(UserApiTest, ACreatedUserSignsInWithTheInitialPasswordAndMustChangeIt) {
  const auto created = Create("li.si", "community_admin", OrgId("和平里社区"));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string password(created.Json().at("initial_password").as_string());
  EXPECT_GE(password.size(), 12u);
  EXPECT_TRUE(created.Json().at("user").at("must_change_password").as_bool());

  HttpClient user = server_.Client();
  const auto login = user.SignIn("li.si", password);
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_TRUE(login.Json().at("password_expired").as_bool());
  ExpectError(user.Get("/api/v1/members"), 403, "auth.password_expired");

  ExpectError(Create("li.si", "community_admin", OrgId("和平里社区")), 409, "user.username_taken");
  ExpectError(Create("Li Si", "community_admin", OrgId("和平里社区")), 400, "user.invalid_username");
  ExpectError(Create("wang.wu", "no_such_role", OrgId("和平里社区")), 400, "user.invalid_role");
}

TEST_F(UserApiTest, NoAdministratorRoleCanBeGrantedAndNoAdministratorAccountChanged) {
  ExpectError(Create("rogue.auditor", "audit_admin", OrgId("示范市")), 403, "user.administrator_role");
  const std::int64_t auditor = UserId("audit.admin");
  ExpectError(system_->Patch("/api/v1/users/" + std::to_string(auditor), R"({"disabled":true})"), 403,
              "user.administrator_account");
  ExpectError(system_->Post("/api/v1/users/" + std::to_string(auditor) + "/reset-password", ""), 403,
              "user.administrator_account");
  const std::int64_t self = UserId("sys.admin");
  ExpectError(system_->Patch("/api/v1/users/" + std::to_string(self), R"({"role":"city_admin"})"), 403,
              "user.own_account");
  const std::int64_t street = UserId("street.admin");
  ExpectError(system_->Patch("/api/v1/users/" + std::to_string(street), R"({"role":"security_admin"})"), 403,
              "user.administrator_role");
}

TEST_F(UserApiTest, DisablingAUserEndsItsSessionsAtOnce) {
  HttpClient street = server_.SignedIn("street");
  ASSERT_EQ(street.Get("/api/v1/members").status, 200);
  const std::int64_t id = UserId("street.admin");
  const auto disabled = system_->Patch("/api/v1/users/" + std::to_string(id), R"({"disabled":true})");
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_TRUE(disabled.Json().at("disabled").as_bool());
  ExpectError(street.Get("/api/v1/members"), 401, "auth.unauthenticated");
  const auto& login = server_.Login("street");
  ExpectError(server_.Client().SignIn(login.username, login.password), 401, "auth.invalid_credentials");
  ASSERT_EQ(system_->Patch("/api/v1/users/" + std::to_string(id), R"({"disabled":false})").status, 200);
  EXPECT_EQ(server_.Client().SignIn(login.username, login.password).status, 200);
}

TEST_F(UserApiTest, AResetPasswordIsNewAndMustBeChangedAndTheOldOneStopsWorking) {
  const std::int64_t id = UserId("community.admin");
  const auto reset = system_->Post("/api/v1/users/" + std::to_string(id) + "/reset-password", "");
  ASSERT_EQ(reset.status, 200) << reset.body;
  const auto& login = server_.Login("community");
  ExpectError(server_.Client().SignIn(login.username, login.password), 401, "auth.invalid_credentials");
  HttpClient user = server_.Client();
  const auto signed_in = user.SignIn(login.username, std::string(reset.Json().at("initial_password").as_string()));
  ASSERT_EQ(signed_in.status, 200);
  EXPECT_TRUE(signed_in.Json().at("password_expired").as_bool());
}

TEST_F(UserApiTest, ASystemAdministratorBelowTheCitySeesOnlyItsSubtree) {
  // A district system administrator, made the way a deployment makes administrators.
  db::Session session(server_.application().database());
  server_.application().auth_service().CreateUser(
      session.sql(), auth::NewUser{OrgId("西城区"), "xicheng.sys", "西城区系统管理员", "system_admin",
                                   "Xicheng-System-Admin-2026"});
  HttpClient district = server_.Client();
  ASSERT_EQ(district.SignIn("xicheng.sys", "Xicheng-System-Admin-2026").status, 200);
  server_.EnrolSecondFactor(district, "xicheng.sys");
  const auto page = district.Get("/api/v1/users").Json();
  for (const auto& user : page.at("items").as_array()) {
    EXPECT_NE(user.at("username"), "street.admin") << "和平街道 is in 东城区";
  }
  ExpectError(district.Get("/api/v1/users/" + std::to_string(UserId("street.admin"))), 404, "user.not_found");
  ExpectError(district.Post("/api/v1/users", boost::json::serialize(boost::json::object{
                                                 {"org_id", OrgId("和平里社区")},
                                                 {"username", "outsider"},
                                                 {"display_name", "越界"},
                                                 {"role", "community_admin"}})),
              404, "org.not_found");
}

TEST_F(UserApiTest, EveryChangeIsAudited) {
  ASSERT_EQ(Create("zhao.liu", "street_admin", OrgId("和平街道")).status, 201);
  const std::int64_t id = UserId("zhao.liu");
  ASSERT_EQ(system_->Patch("/api/v1/users/" + std::to_string(id), R"({"display_name":"赵六"})").status, 200);
  ASSERT_EQ(system_->Post("/api/v1/users/" + std::to_string(id) + "/reset-second-factor", "").status, 200);
  db::Session session(server_.application().database());
  for (const std::string action : {"user.create", "user.update", "user.reset_second_factor"}) {
    long long count = 0;
    session.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = :action AND target_id = :id",
        soci::use(action, "action"), soci::use(id, "id"), soci::into(count);
    EXPECT_EQ(count, 1) << action;
  }
}

}  // namespace
}  // namespace liandong::user
