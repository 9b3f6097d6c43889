// The security administrator's work on roles, and the limits of it (三员分立).
#include <gtest/gtest.h>

#include "features/role/role_repository.hpp"
#include "testing/test_server.hpp"

namespace liandong::role {
namespace {

using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

void ExpectError(const HttpResult& result, int status, const std::string& code) {
  EXPECT_EQ(result.status, status) << result.body;
  EXPECT_EQ(result.Json().at("error").at("code").as_string(), code) << result.body;
}

class RoleApiTest : public ::testing::Test {
 protected:
  TestServer server_;
};

TEST_F(RoleApiTest, ListsRolesWithDutiesAndTheCatalogue) {
  HttpClient security = server_.SignedIn("security");
  const auto list = security.Get("/api/v1/roles").Json();
  std::map<std::string, std::string> duties;
  for (const auto& role : list.at("items").as_array()) {
    duties[std::string(role.at("name").as_string())] = std::string(role.at("duty").as_string());
  }
  EXPECT_EQ(duties["street_admin"], "staff");
  EXPECT_EQ(duties["system_admin"], "system");
  EXPECT_EQ(duties["security_admin"], "security");
  EXPECT_EQ(duties["audit_admin"], "audit");
  EXPECT_GE(list.at("permissions").as_array().size(), 14u);
}

TEST_F(RoleApiTest, AGrantedPermissionTakesEffectAtOnce) {
  HttpClient street = server_.SignedIn("street");
  const auto members = street.Get("/api/v1/members").Json().at("items").as_array();
  const std::string identifiers = "/api/v1/members/" + std::to_string(members[0].at("id").as_int64()) + "/identifiers";
  ExpectError(street.Get(identifiers), 403, "auth.permission_denied");

  HttpClient security = server_.SignedIn("security");
  const auto updated = security.Patch(
      "/api/v1/roles/street_admin",
      R"({"permissions":["org:read","org:write","member:read","member:write","member:unmask","unit:read","unit:write"]})");
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(street.Get(identifiers).status, 200);
}

// Several servers share one database: a change written by another server (its RoleRepository on
// the same database, not through this server) counts from this server's next request.
TEST_F(RoleApiTest, APermissionGrantedThroughAnotherServerTakesEffectAtOnce) {
  HttpClient street = server_.SignedIn("street");
  const auto members = street.Get("/api/v1/members").Json().at("items").as_array();
  const std::string identifiers = "/api/v1/members/" + std::to_string(members[0].at("id").as_int64()) + "/identifiers";
  ExpectError(street.Get(identifiers), 403, "auth.permission_denied");

  {
    db::Session session(server_.application().database());
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    RoleRepository().ReplacePermissions(
        session.sql(), "street_admin",
        {"org:read", "org:write", "member:read", "member:write", "member:unmask", "unit:read", "unit:write"});
    transaction.Commit();
  }
  EXPECT_EQ(street.Get(identifiers).status, 200);

  {
    db::Session session(server_.application().database());
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    RoleRepository().ReplacePermissions(session.sql(), "street_admin", {"org:read", "member:read"});
    transaction.Commit();
  }
  ExpectError(street.Get(identifiers), 403, "auth.permission_denied");
}

TEST_F(RoleApiTest, NoRoleCanMixDutiesAndTheAdministratorRolesAreFixed) {
  HttpClient security = server_.SignedIn("security");
  ExpectError(security.Post("/api/v1/roles", R"({"name":"super","display_name":"超级","permissions":["org:read","audit:read"]})"),
              400, "role.duty_mixed");
  ExpectError(security.Patch("/api/v1/roles/street_admin", R"({"permissions":["user:write"]})"), 400, "role.duty_mixed");
  ExpectError(security.Patch("/api/v1/roles/audit_admin", R"({"permissions":["audit:read"]})"), 403,
              "role.administrator_role");
  ExpectError(security.Patch("/api/v1/roles/security_admin", R"({"display_name":"x"})"), 403,
              "role.administrator_role");
  ExpectError(security.Post("/api/v1/roles", R"({"name":"x","display_name":"短","permissions":[]})"), 400,
              "role.invalid_name");
  ExpectError(security.Post("/api/v1/roles", R"({"name":"reader","display_name":"只读","permissions":["nope:read"]})"),
              400, "role.unknown_permission");
}

TEST_F(RoleApiTest, ACustomRoleIsCreatedGrantedAndDeletedOnlyWhenUnused) {
  HttpClient security = server_.SignedIn("security");
  const auto created = security.Post(
      "/api/v1/roles", R"({"name":"grid_reader","display_name":"网格查阅员","permissions":["org:read","member:read"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json().at("duty").as_string(), "staff");
  ExpectError(security.Post("/api/v1/roles", R"({"name":"grid_reader","display_name":"重复"})"), 409,
              "role.name_taken");

  HttpClient system = server_.SignedIn("system");
  const auto hits = system.Get("/api/v1/orgs?q=和平里社区").Json();
  const auto user = system.Post("/api/v1/users", boost::json::serialize(boost::json::object{
                                                     {"org_id", hits.at("items").as_array()[0].at("id")},
                                                     {"username", "grid.reader"},
                                                     {"display_name", "网格员"},
                                                     {"role", "grid_reader"}}));
  ASSERT_EQ(user.status, 201) << user.body;
  ExpectError(security.Delete("/api/v1/roles/grid_reader"), 409, "role.in_use");
  ExpectError(security.Delete("/api/v1/roles/street_admin"), 403, "role.builtin");
  ASSERT_EQ(system.Patch("/api/v1/users/" + std::to_string(user.Json().at("user").at("id").as_int64()),
                         R"({"role":"community_admin"})")
                .status,
            200);
  EXPECT_EQ(security.Delete("/api/v1/roles/grid_reader").status, 204);
  ExpectError(security.Delete("/api/v1/roles/grid_reader"), 404, "role.not_found");
}

TEST_F(RoleApiTest, TheSecurityAdministratorCannotManageUsersOrReadTheAudit) {
  HttpClient security = server_.SignedIn("security");
  ExpectError(security.Get("/api/v1/users"), 403, "auth.permission_denied");
  ExpectError(security.Get("/api/v1/audit"), 403, "auth.permission_denied");
  ExpectError(security.Get("/api/v1/members"), 403, "auth.permission_denied");
}

}  // namespace
}  // namespace liandong::role
