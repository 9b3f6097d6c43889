#include "features/role/role_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/error.hpp"
#include "http/json_input.hpp"

namespace liandong::role {
namespace {

boost::json::object ToJson(const Role& role) {
  boost::json::array permissions;
  for (const std::string& permission : role.permissions) permissions.emplace_back(permission);
  return boost::json::object{{"name", role.name},       {"display_name", role.display_name},
                             {"duty", role.duty},       {"builtin", role.builtin},
                             {"permissions", std::move(permissions)}, {"user_count", role.user_count}};
}

std::optional<std::vector<std::string>> Permissions(const boost::json::object& body) {
  const auto* value = body.if_contains("permissions");
  if (value == nullptr) return std::nullopt;
  if (!value->is_array() || value->as_array().size() > 100) {
    throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "permissions: a list");
  }
  std::vector<std::string> permissions;
  for (const auto& item : value->as_array()) {
    if (!item.is_string() || item.as_string().size() > 64) {
      throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "permissions: strings");
    }
    permissions.emplace_back(item.as_string());
  }
  return permissions;
}

}  // namespace

void RegisterRoleRoutes(http::Router& router, const RoleService& service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/roles", "role:read", [&](http::Request& request) {
    boost::json::array roles;
    for (const Role& role : service.List(request.Actor())) roles.push_back(ToJson(role));
    boost::json::array catalogue;
    for (const PermissionDefinition& permission : PermissionCatalogue()) {
      catalogue.push_back(boost::json::object{{"name", permission.name}, {"duty", permission.duty}});
    }
    return http::Ok(boost::json::object{{"items", std::move(roles)}, {"permissions", std::move(catalogue)}});
  });
  router.Add(Verb::post, "/api/v1/roles", "role:write", [&](http::Request& request) {
    const auto& body = request.Json();
    RoleInput input{http::RequiredString(body, "name", 40), http::RequiredString(body, "display_name", 150),
                    Permissions(body).value_or(std::vector<std::string>{})};
    return http::Created(ToJson(service.Create(request.Actor(), input)));
  });
  router.Add(Verb::patch, "/api/v1/roles/{name}", "role:write", [&](http::Request& request) {
    const auto& body = request.Json();
    RolePatch patch{http::OptionalString(body, "display_name", 150), Permissions(body)};
    return http::Ok(ToJson(service.Update(request.Actor(), request.PathText("name"), patch)));
  });
  router.Add(Verb::delete_, "/api/v1/roles/{name}", "role:write", [&](http::Request& request) {
    service.Delete(request.Actor(), request.PathText("name"));
    return http::NoContent();
  });
}

}  // namespace liandong::role
