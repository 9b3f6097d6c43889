#include "features/cobuild_list/list_routes.hpp"

#include "core/error.hpp"
#include "features/cobuild_list/list_json.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::cobuild_list {
namespace {

// ?org=&status=&kind=&category=&q=&page=&page_size=, each checked against `statuses` and `kinds`.
ListFilter ParseFilter(const http::Request& request, std::initializer_list<std::string_view> statuses,
                       std::initializer_list<std::string_view> kinds) {
  ListFilter filter;
  if (const auto org = request.Query("org"); org && !org->empty()) filter.org_id = http::ParseId(*org, "org");
  const auto one_of = [&](const char* name, std::initializer_list<std::string_view> allowed) {
    const std::string value = request.Query(name).value_or("");
    if (value.empty()) return value;
    for (const std::string_view candidate : allowed) {
      if (candidate == value) return value;
    }
    throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", name);
  };
  filter.status = one_of("status", statuses);
  filter.kind = one_of("kind", kinds);
  filter.category = request.Query("category").value_or("");
  if (filter.category.size() > 50) {
    throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "category");
  }
  filter.text = request.Query("q").value_or("");
  if (filter.text.size() > 200) throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "q");
  const core::PageRequest page = http::ParsePage(request, 20);
  filter.offset = page.Offset();
  filter.limit = page.Limit();
  return filter;
}

template <typename Item>
boost::json::object PageOf(const Page<Item>& page, const ListFilter& filter) {
  boost::json::array items;
  for (const Item& item : page.items) items.push_back(ToJson(item));
  return http::PageJson(std::move(items), page.total, core::PageRequest{filter.offset / filter.limit + 1, filter.limit});
}

}  // namespace

void RegisterListRoutes(http::Router& router, const ListService& list_service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/cobuild-categories", "cobuild:read", [&](http::Request& request) {
    boost::json::array items;
    for (const Category& category : list_service.Categories(request.Actor())) {
      items.push_back(boost::json::object{{"code", category.code}, {"name", category.name}});
    }
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });

  router.Add(Verb::get, "/api/v1/needs", "cobuild:read", [&](http::Request& request) {
    const ListFilter filter = ParseFilter(request, {"open", "matched", "claimed", "closed"}, {"need", "micro_wish"});
    return http::Ok(PageOf(list_service.ListNeeds(request.Actor(), filter), filter));
  });
  router.Add(Verb::post, "/api/v1/needs", "cobuild:write", [&](http::Request& request) {
    const NewNeed input = ParseNewNeed(request.Json());
    return http::Created(ToJson(list_service.CreateNeed(request.Actor(), input)));
  });
  router.Add(Verb::get, "/api/v1/needs/{id}", "cobuild:read", [&](http::Request& request) {
    return http::Ok(ToJson(list_service.GetNeed(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::get, "/api/v1/needs/{id}/suggestions", "cobuild:read", [&](http::Request& request) {
    boost::json::array items;
    for (const Suggestion& suggestion : list_service.Suggest(request.Actor(), request.PathId("id"))) {
      items.push_back(ToJson(suggestion));
    }
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::post, "/api/v1/needs/{id}/match", "cobuild:match", [&](http::Request& request) {
    const Match match = ParseMatch(request.Json());
    return http::Ok(ToJson(list_service.ConfirmMatch(request.Actor(), request.PathId("id"), match)));
  });
  router.Add(Verb::post, "/api/v1/needs/{id}/claim", "cobuild:write", [&](http::Request& request) {
    const NewClaim claim = ParseClaim(request.Json());
    return http::Ok(ToJson(list_service.ClaimNeed(request.Actor(), request.PathId("id"), claim)));
  });

  router.Add(Verb::get, "/api/v1/resources", "cobuild:read", [&](http::Request& request) {
    const ListFilter filter = ParseFilter(request, {}, {"funds", "venue", "talent", "service"});
    return http::Ok(PageOf(list_service.ListResources(request.Actor(), filter), filter));
  });
  router.Add(Verb::post, "/api/v1/resources", "cobuild:write", [&](http::Request& request) {
    const NewResource input = ParseNewResource(request.Json());
    return http::Created(ToJson(list_service.CreateResource(request.Actor(), input)));
  });
  router.Add(Verb::get, "/api/v1/resources/{id}", "cobuild:read", [&](http::Request& request) {
    return http::Ok(ToJson(list_service.GetResource(request.Actor(), request.PathId("id"))));
  });

  router.Add(Verb::get, "/api/v1/projects", "cobuild:read", [&](http::Request& request) {
    const ListFilter filter = ParseFilter(request, {"active", "closed"}, {});
    return http::Ok(PageOf(list_service.ListProjects(request.Actor(), filter), filter));
  });
  router.Add(Verb::post, "/api/v1/projects", "cobuild:write", [&](http::Request& request) {
    const NewProject input = ParseNewProject(request.Json());
    return http::Created(ToJson(list_service.CreateProject(request.Actor(), input)));
  });
  router.Add(Verb::get, "/api/v1/projects/{id}", "cobuild:read", [&](http::Request& request) {
    return http::Ok(ToJson(list_service.GetProject(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::post, "/api/v1/projects/{id}/deliveries", "cobuild:write", [&](http::Request& request) {
    const NewProjectDelivery delivery = ParseProjectDelivery(request.Json());
    return http::Created(ToJson(list_service.RecordDelivery(request.Actor(), request.PathId("id"), delivery)));
  });
  router.Add(Verb::post, "/api/v1/projects/{id}/rating", "cobuild:write", [&](http::Request& request) {
    const Rating rating = ParseRating(request.Json());
    return http::Ok(ToJson(list_service.Rate(request.Actor(), request.PathId("id"), rating)));
  });
}

}  // namespace liandong::cobuild_list
