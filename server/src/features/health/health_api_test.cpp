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

  // A path item may name its own server (GeoReport v2 under /open311/v2). GeoReport's
  // "services.{format}" is served as services.json and services.xml, and "{id}.{format}" as one
  // segment the route reads whole ({name}).
  std::set<std::string> documented;
  for (const auto& [path, item] : body.at("paths").as_object()) {
    std::string prefix = "/api/v1";
    if (item.as_object().contains("servers")) prefix = std::string(item.at("servers").at(0).at("url").as_string());
    std::vector<std::string> served_paths;
    std::string text(path);
    if (const auto format = text.find(".{format}"); format == std::string::npos) {
      served_paths.push_back(text);
    } else if (text[format - 1] == '}') {
      served_paths.push_back(text.substr(0, text.rfind('/', format) + 1) + "{name}");
    } else {
      served_paths.push_back(text.substr(0, format) + ".json");
      served_paths.push_back(text.substr(0, format) + ".xml");
    }
    for (const auto& [method, operation] : item.as_object()) {
      if (method == "parameters" || method == "servers") continue;
      std::string upper(method);
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      for (const std::string& served_path : served_paths) documented.insert(upper + " " + prefix + served_path);
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
