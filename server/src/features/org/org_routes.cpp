#include "features/org/org_routes.hpp"

#include "features/org/org_json.hpp"

namespace liandong::org {

void RegisterOrgRoutes(http::Router& router, const OrgService& org_service) {
  using http::Access;
  using http::Verb;
  router.Add(Verb::get, "/api/v1/orgs/{id}", Access::kSignedIn, [&](http::Request& request) {
    return http::Ok(ToJson(org_service.GetOrg(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::get, "/api/v1/orgs/{id}/stats", Access::kSignedIn, [&](http::Request& request) {
    return http::Ok(ToJson(org_service.GetStats(request.Actor(), request.PathId("id"))));
  });
}

}  // namespace liandong::org
