#include "features/setting/setting_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/error.hpp"

namespace liandong::setting {
namespace {

boost::json::object ToJson(const SettingView& view) {
  boost::json::object json{
      {"name", view.definition.name},
      {"value", view.value},
      {"default_value", view.definition.default_value},
      {"kind", view.definition.kind},
      {"permission", view.definition.permission},
      {"updated_at", nullptr},
      {"updated_by", nullptr},
  };
  if (view.definition.kind == "integer") {
    json["min"] = view.definition.min;
    json["max"] = view.definition.max;
  }
  if (view.updated_at) json["updated_at"] = *view.updated_at;
  if (view.updated_by) json["updated_by"] = *view.updated_by;
  return json;
}

}  // namespace

void RegisterSettingRoutes(http::Router& router, const SettingService& service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/settings", "setting:read", [&](http::Request& request) {
    boost::json::array items;
    for (const SettingView& view : service.List(request.Actor())) items.push_back(ToJson(view));
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::put, "/api/v1/settings/{name}", "setting:read", [&](http::Request& request) {
    const auto& body = request.Json();
    const auto* value = body.if_contains("value");
    std::string text;
    if (value != nullptr && value->is_bool()) {
      text = value->as_bool() ? "true" : "false";
    } else if (value != nullptr && value->is_int64()) {
      text = std::to_string(value->as_int64());
    } else {
      throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "value: a boolean or an integer");
    }
    return http::Ok(ToJson(service.Update(request.Actor(), request.PathText("name"), text)));
  });
}

}  // namespace liandong::setting
