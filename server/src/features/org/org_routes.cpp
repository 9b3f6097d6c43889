#include "features/org/org_routes.hpp"

#include "core/error.hpp"
#include "features/org/org_json.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::org {
void RegisterOrgRoutes(http::Router& router, const OrgService& org_service) {
  using http::Access;
  using http::Verb;
  router.Add(Verb::get, "/api/v1/orgs", "org:read", [&](http::Request& request) {
    const std::string query = request.Query("q").value_or("");
    // A name search for pickers: the best page_size matches, in one page.
    const core::PageRequest page = http::ParsePage(request, 20, 100);
    if (page.page != 1) {
      throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "a search has one page");
    }
    const int limit = static_cast<int>(page.page_size);
    const auto anywhere = http::ParseBool(request.Query("anywhere"), "anywhere").value_or(false);
    const SearchScope scope = anywhere ? SearchScope::kAnywhere : SearchScope::kSubtree;
    return http::Ok(ToJson(org_service.Search(request.Actor(), query, scope, limit)));
  });
  router.Add(Verb::post, "/api/v1/orgs", "org:write", [&](http::Request& request) {
    return http::Created(ToJson(org_service.CreateOrg(request.Actor(), ParseNewOrg(request.Json()))));
  });
  router.Add(Verb::get, "/api/v1/orgs/{id}", "org:read", [&](http::Request& request) {
    return http::Ok(ToJson(org_service.GetOrg(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::patch, "/api/v1/orgs/{id}", "org:write", [&](http::Request& request) {
    return http::Ok(
        ToJson(org_service.UpdateOrg(request.Actor(), request.PathId("id"), ParseOrgChanges(request.Json()))));
  });
  router.Add(Verb::get, "/api/v1/orgs/{id}/children", "org:read", [&](http::Request& request) {
    return http::Ok(ToJson(org_service.ListChildren(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::get, "/api/v1/orgs/{id}/stats", "org:read", [&](http::Request& request) {
    return http::Ok(ToJson(org_service.GetStats(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::post, "/api/v1/orgs/{id}/archive", "org:write", [&](http::Request& request) {
    return http::Ok(ToJson(org_service.ArchiveOrg(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::post, "/api/v1/orgs/{id}/move", "org:write", [&](http::Request& request) {
    const std::int64_t parent_id = http::RequiredId(request.Json(), "parent_id");
    return http::Ok(ToJson(org_service.MoveOrg(request.Actor(), request.PathId("id"), parent_id)));
  });
}

}  // namespace liandong::org
