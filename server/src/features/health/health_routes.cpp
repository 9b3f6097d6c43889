#include "features/health/health_routes.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/embedded_resources.hpp"

namespace liandong::health {

void RegisterHealthRoutes(http::Router& router, const HealthInfo& info) {
  using http::Access;
  using http::Execution;
  using http::Verb;
  // Built once: health is the ceiling the benchmark compares every other route against.
  const std::string health_body = boost::json::serialize(boost::json::object{
      {"status", "ok"},
      {"database", info.database},
      {"schema_version", info.schema_version},
      {"version", info.version},
  });
  router.Add(
      Verb::get, "/api/v1/health", Access::kPublic,
      [health_body](http::Request&) {
        http::Response response;
        response.body = health_body;
        return response;
      },
      Execution::kInline);
  router.Add(
      Verb::get, "/api/v1/openapi.json", Access::kPublic,
      [](http::Request&) {
        http::Response response;
        response.body = std::string(core::EmbeddedOpenApiDocument());
        return response;
      },
      Execution::kInline);
}

}  // namespace liandong::health
