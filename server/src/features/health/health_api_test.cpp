#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "db/migrator.hpp"
#include "testing/test_server.hpp"

namespace liandong::health {
namespace {

using testing::TestServer;

TEST(HealthApiTest, ReportsTheDatabaseAndSchema) {
  TestServer server({.demo_city = false});
  const auto health = server.Client().Get("/api/v1/health");
  ASSERT_EQ(health.status, 200);
  const auto body = health.Json();
  EXPECT_EQ(body.at("status").as_string(), "ok");
  EXPECT_EQ(body.at("database").as_string(), testing::TestDatabaseKind());
  EXPECT_EQ(body.at("schema_version").as_int64(), db::LatestSchemaVersion());
  EXPECT_FALSE(body.at("version").as_string().empty());
}

// Every route the server has is in the OpenAPI document, and the document has no route the
// server lacks.
TEST(HealthApiTest, OpenApiDocumentDescribesExactlyTheRoutesThatExist) {
  TestServer server({.demo_city = false});
  const auto document = server.Client().Get("/api/v1/openapi.json");
  ASSERT_EQ(document.status, 200);
  const auto body = document.Json();
  EXPECT_TRUE(body.at("openapi").as_string().starts_with("3.1"));

  std::set<std::string> documented;
  for (const auto& [path, item] : body.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      if (method == "parameters") continue;
      std::string upper(method);
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(upper + " /api/v1" + std::string(path));
    }
  }
  std::set<std::string> served;
  for (const auto& route : server.application().router().routes()) {
    served.insert(std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern);
  }
  EXPECT_EQ(documented, served);
}

}  // namespace
}  // namespace liandong::health
