#include "features/street/street_routes.hpp"

#include "features/street/street_json.hpp"

namespace liandong::street {

void RegisterStreetRoutes(http::Router& router, const StreetService& street_service) {
  using http::Access;
  using http::Verb;
  router.Add(Verb::get, "/api/v1/orgs/{id}/street-profile", "org:read", [&](http::Request& request) {
    return http::Ok(ToJson(street_service.GetProfile(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::put, "/api/v1/orgs/{id}/street-profile", "org:write", [&](http::Request& request) {
    StreetProfile input = ParseStreetProfile(request.Json());
    return http::Ok(ToJson(street_service.PutProfile(request.Actor(), request.PathId("id"), std::move(input))));
  });
  router.Add(Verb::get, "/api/v1/orgs/{id}/reform-progress", "org:read", [&](http::Request& request) {
    return http::Ok(ToJson(street_service.GetReformProgress(request.Actor(), request.PathId("id"))));
  });
}

}  // namespace liandong::street
