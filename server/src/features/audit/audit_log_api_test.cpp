// The audit administrator's page: every kind of event is there with who, where and what; the
// auditor reads, filters, exports (itself audited) and verifies, and can change nothing.
#include <gtest/gtest.h>

#include "testing/test_server.hpp"

namespace liandong::audit {
namespace {

using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

void ExpectError(const HttpResult& result, int status, const std::string& code) {
  EXPECT_EQ(result.status, status) << result.body;
  EXPECT_EQ(result.Json().at("error").at("code").as_string(), code) << result.body;
}

class AuditLogApiTest : public ::testing::Test {
 protected:
  TestServer server_;
};

TEST_F(AuditLogApiTest, TheAuditorSeesLoginsDenialsChangesAndUnmaskedViews) {
  HttpClient wrong = server_.Client();
  wrong.SignIn("street.admin", "not-the-password");
  HttpClient street = server_.SignedIn("street");
  street.Get("/api/v1/users");  // a denial
  const auto members = street.Get("/api/v1/members").Json().at("items").as_array();
  street.Patch("/api/v1/members/" + std::to_string(members[0].at("id").as_int64()), R"({"name":"张三丰"})");
  HttpClient city = server_.SignedIn("city");
  city.Get("/api/v1/members/" + std::to_string(members[0].at("id").as_int64()) + "/identifiers");

  HttpClient audit = server_.SignedIn("audit");
  const auto page = audit.Get("/api/v1/audit?page_size=200").Json();
  std::set<std::string> seen;
  for (const auto& row : page.at("items").as_array()) {
    seen.insert(std::string(row.at("action").as_string()) + "/" + std::string(row.at("result").as_string()));
    EXPECT_FALSE(row.at("request_id").as_string().empty() && row.at("action") != "auth.login");
  }
  for (const std::string expected : {"auth.login/failed", "auth.login/ok", "access.denied/denied", "member.update/ok",
                                     "member.unmask/ok", "auth.second_factor_enrol/ok"}) {
    EXPECT_TRUE(seen.count(expected)) << expected << " missing from " << page;
  }
  // A known user's logins, failed ones too, are found under the user's name.
  const auto logins = audit.Get("/api/v1/audit?action=auth.login&username=street.admin").Json();
  std::set<std::string> login_results;
  for (const auto& row : logins.at("items").as_array()) login_results.emplace(row.at("result").as_string());
  EXPECT_EQ(login_results, (std::set<std::string>{"ok", "failed"})) << logins;
  const auto denied = audit.Get("/api/v1/audit?action=access.&username=street.admin").Json();
  ASSERT_EQ(denied.at("total").as_int64(), 1) << denied;
  EXPECT_EQ(denied.at("items").as_array()[0].at("detail").as_string(), "GET /api/v1/users auth.permission_denied");
  EXPECT_EQ(denied.at("items").as_array()[0].at("org_name").as_string(), "和平街道");
}

TEST_F(AuditLogApiTest, FiltersByDayInChinaTime) {
  HttpClient audit = server_.SignedIn("audit");  // the fake clock: 2026-01-01 08:00 in China
  EXPECT_GT(audit.Get("/api/v1/audit?from=2026-01-01&to=2026-01-01").Json().at("total").as_int64(), 0);
  EXPECT_EQ(audit.Get("/api/v1/audit?from=2026-01-02").Json().at("total").as_int64(), 0);
  EXPECT_EQ(audit.Get("/api/v1/audit?to=2025-12-31").Json().at("total").as_int64(), 0);
  ExpectError(audit.Get("/api/v1/audit?from=2026-02-30"), 400, "request.invalid_date");
}

TEST_F(AuditLogApiTest, ExportIsASpreadsheetAndIsItselfAudited) {
  HttpClient audit = server_.SignedIn("audit");
  const auto exported = audit.Get("/api/v1/audit/export?action=auth.");
  ASSERT_EQ(exported.status, 200);
  EXPECT_TRUE(exported.body.starts_with("PK")) << "an .xlsx is a zip";
  const auto rows = audit.Get("/api/v1/audit?action=audit.export").Json();
  EXPECT_EQ(rows.at("total").as_int64(), 1);
}

TEST_F(AuditLogApiTest, VerifyReportsAnIntactChain) {
  HttpClient audit = server_.SignedIn("audit");
  const auto report = audit.Get("/api/v1/audit/verify").Json();
  EXPECT_TRUE(report.at("intact").as_bool()) << report;
  EXPECT_GT(report.at("rows").as_int64(), 0);
}

TEST_F(AuditLogApiTest, OnlyTheAuditorReadsTheLogAndNobodyCanChangeIt) {
  for (const std::string role : {"city", "system", "security"}) {
    HttpClient client = server_.SignedIn(role);
    ExpectError(client.Get("/api/v1/audit"), 403, "auth.permission_denied");
    ExpectError(client.Get("/api/v1/audit/export"), 403, "auth.permission_denied");
  }
  // No route writes the audit log: every route under /audit is a GET.
  for (const http::Route& route : server_.application().router().routes()) {
    if (route.pattern.starts_with("/api/v1/audit")) {
      EXPECT_EQ(route.method, http::Verb::get) << route.pattern;
    }
  }
  // And the database itself refuses edits (append-only triggers).
  db::Session session(server_.application().database());
  EXPECT_ANY_THROW(session.sql() << "UPDATE audit_log SET result = 'ok'");
  EXPECT_ANY_THROW(session.sql() << "DELETE FROM audit_log");
}

}  // namespace
}  // namespace liandong::audit
