#include "features/user/user_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/text.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::user {
namespace {

boost::json::object ToJson(const UserView& user) {
  return boost::json::object{
      {"id", user.id},
      {"org", boost::json::object{{"id", user.org_id}, {"name", user.org_name}}},
      {"username", user.username},
      {"display_name", user.display_name},
      {"role", boost::json::object{{"name", user.role},
                                   {"display_name", user.role_display_name},
                                   {"duty", user.role_duty}}},
      {"disabled", user.disabled},
      {"locked", user.locked},
      {"second_factor", user.second_factor},
      {"created_at", user.created_at},
      {"must_change_password", user.password_changed_at == 0},
  };
}

boost::json::object ToJson(const UserWithPassword& created) {
  return boost::json::object{{"user", ToJson(created.user)}, {"initial_password", created.initial_password}};
}

}  // namespace

void RegisterUserRoutes(http::Router& router, const UserService& service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/users", "user:read", [&](http::Request& request) {
    UserFilter filter;
    if (const auto org = request.Query("org")) filter.org_id = http::ParseId(*org, "org");
    filter.query = request.Query("q").value_or("");
    if (core::CharacterCount(filter.query) > 50) {
      throw core::AppError(core::ErrorKind::kInvalidArgument, "request.text_too_long", "q");
    }
    const core::PageRequest asked = http::ParsePage(request, 20);
    filter.page = static_cast<int>(asked.page);
    filter.page_size = static_cast<int>(asked.page_size);
    const UserPage page = service.List(request.Actor(), filter);
    boost::json::array items;
    for (const UserView& user : page.items) items.push_back(ToJson(user));
    return http::Ok(boost::json::object{
        {"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"page_size", page.page_size}});
  });
  router.Add(Verb::post, "/api/v1/users", "user:write", [&](http::Request& request) {
    const auto& body = request.Json();
    const UserInput input{http::RequiredId(body, "org_id"), http::RequiredString(body, "username", 64),
                          http::RequiredString(body, "display_name", 150), http::RequiredString(body, "role", 64)};
    return http::Created(ToJson(service.Create(request.Actor(), input)));
  });
  router.Add(Verb::get, "/api/v1/users/{id}", "user:read", [&](http::Request& request) {
    return http::Ok(ToJson(service.Get(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::patch, "/api/v1/users/{id}", "user:write", [&](http::Request& request) {
    const auto& body = request.Json();
    UserPatch patch;
    if (body.contains("org_id")) patch.org_id = http::RequiredId(body, "org_id");
    patch.display_name = http::OptionalString(body, "display_name", 150);
    patch.role = http::OptionalString(body, "role", 64);
    patch.disabled = http::OptionalBool(body, "disabled");
    return http::Ok(ToJson(service.Update(request.Actor(), request.PathId("id"), patch)));
  });
  router.Add(Verb::post, "/api/v1/users/{id}/reset-password", "user:write", [&](http::Request& request) {
    return http::Ok(ToJson(service.ResetPassword(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::post, "/api/v1/users/{id}/reset-second-factor", "user:write", [&](http::Request& request) {
    return http::Ok(ToJson(service.ResetSecondFactor(request.Actor(), request.PathId("id"))));
  });
}

}  // namespace liandong::user
