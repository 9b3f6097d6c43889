#include "features/accountability/accountability_routes.hpp"

#include "features/accountability/accountability_json.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::accountability {

void RegisterAccountabilityRoutes(http::Router& router, const AccountabilityService& accountability_service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/accountabilities", "accountability:read", [&](http::Request& request) {
    AccountabilityFilter filter;
    if (const auto org = request.Query("org"); org && !org->empty()) filter.org_id = http::ParseId(*org, "org");
    const core::PageRequest page = http::ParsePage(request, 50);
    filter.offset = page.Offset();
    filter.limit = page.Limit();
    boost::json::object body = ToJson(accountability_service.List(request.Actor(), filter));
    body["page"] = page.page;
    body["page_size"] = page.page_size;
    return http::Ok(body);
  });
  router.Add(Verb::post, "/api/v1/accountabilities", "accountability:write", [&](http::Request& request) {
    const NewAccountability input = ParseNewAccountability(request.Json());
    return http::Created(ToJson(accountability_service.Create(request.Actor(), input)));
  });
}

}  // namespace liandong::accountability
