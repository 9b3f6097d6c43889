#include "features/accountability/accountability_routes.hpp"

#include "features/accountability/accountability_json.hpp"
#include "http/json_input.hpp"

namespace liandong::accountability {

void RegisterAccountabilityRoutes(http::Router& router, const AccountabilityService& accountability_service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/accountabilities", "accountability:read", [&](http::Request& request) {
    AccountabilityFilter filter;
    if (const auto org = request.Query("org"); org && !org->empty()) filter.org_id = http::ParseId(*org, "org");
    filter.offset = http::ParseInteger(request.Query("offset"), "offset", 0, 1'000'000'000, 0);
    filter.limit = http::ParseInteger(request.Query("limit"), "limit", 1, 200, 50);
    return http::Ok(ToJson(accountability_service.List(request.Actor(), filter)));
  });
  router.Add(Verb::post, "/api/v1/accountabilities", "accountability:write", [&](http::Request& request) {
    const NewAccountability input = ParseNewAccountability(request.Json());
    return http::Created(ToJson(accountability_service.Create(request.Actor(), input)));
  });
}

}  // namespace liandong::accountability
