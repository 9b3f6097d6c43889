#include "features/key_enterprise/key_enterprise_routes.hpp"

#include "features/key_enterprise/key_enterprise_json.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::key_enterprise {
namespace {

constexpr std::size_t kMaxSearchCharacters = 50;

// ?org=&q=&open_issues=&page=&page_size=
KeyEnterpriseFilter ParseFilter(const http::Request& request, const core::PageRequest& page) {
  KeyEnterpriseFilter filter;
  if (const auto org = request.Query("org"); org && !org->empty()) filter.org_id = http::ParseId(*org, "org");
  if (const auto text = request.Query("q"); text && !text->empty()) {
    if (text->size() > kMaxSearchCharacters * 4) {
      throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "q");
    }
    filter.text = *text;
  }
  filter.open_issues_only = http::ParseBool(request.Query("open_issues"), "open_issues").value_or(false);
  filter.offset = page.Offset();
  filter.limit = page.Limit();
  return filter;
}

}  // namespace

void RegisterKeyEnterpriseRoutes(http::Router& router, const KeyEnterpriseService& key_enterprise_service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/key-enterprises", "key_enterprise:read", [&](http::Request& request) {
    const core::PageRequest page = http::ParsePage(request, 20);
    const KeyEnterprisePage found = key_enterprise_service.List(request.Actor(), ParseFilter(request, page));
    boost::json::array items;
    for (const KeyEnterprise& enterprise : found.items) items.push_back(ToJson(enterprise));
    return http::Ok(http::PageJson(std::move(items), found.total, page));
  });
  router.Add(Verb::post, "/api/v1/key-enterprises", "key_enterprise:write", [&](http::Request& request) {
    const NewKeyEnterprise input = ParseNewKeyEnterprise(request.Json());
    return http::Created(ToJson(key_enterprise_service.Create(request.Actor(), input)));
  });
  router.Add(Verb::get, "/api/v1/key-enterprises/{id}", "key_enterprise:read", [&](http::Request& request) {
    return http::Ok(ToJson(key_enterprise_service.Get(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::post, "/api/v1/key-enterprises/{id}/entries", "key_enterprise:write", [&](http::Request& request) {
    const NewEntry input = ParseNewEntry(request.Json());
    return http::Created(ToJson(key_enterprise_service.AddEntry(request.Actor(), request.PathId("id"), input)));
  });
  router.Add(
      Verb::post, "/api/v1/key-enterprise-entries/{id}/resolve", "key_enterprise:write", [&](http::Request& request) {
        const std::string resolution = ParseResolution(request.Json());
        return http::Ok(ToJson(key_enterprise_service.Resolve(request.Actor(), request.PathId("id"), resolution)));
      });
}

}  // namespace liandong::key_enterprise
