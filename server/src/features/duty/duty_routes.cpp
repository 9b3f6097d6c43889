#include "features/duty/duty_routes.hpp"

#include "features/duty/duty_json.hpp"
#include "http/json_input.hpp"

namespace liandong::duty {
namespace {

// ?org=&year=&level=
DutyFilter ParseDutyFilter(const http::Request& request) {
  DutyFilter filter;
  if (const auto org = request.Query("org")) filter.org_id = http::ParseId(*org, "org");
  if (const auto year = request.Query("year")) filter.year = http::ParseInteger(year, "year", 1, 9999, 0);
  if (const auto level = request.Query("level"); level && !level->empty()) filter.level = *level;
  return filter;
}

}  // namespace

void RegisterDutyRoutes(http::Router& router, const DutyService& duty_service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/departments", "duty:read",
             [&](http::Request& request) { return http::Ok(ToJson(duty_service.ListDepartments(request.Actor()))); });
  router.Add(Verb::get, "/api/v1/duty-items", "duty:read", [&](http::Request& request) {
    return http::Ok(ToJson(duty_service.ListItems(request.Actor(), ParseDutyFilter(request))));
  });
  router.Add(Verb::post, "/api/v1/duty-items", "duty:write", [&](http::Request& request) {
    const NewDutyItem input = ParseNewDutyItem(request.Json());
    return http::Created(ToJson(duty_service.CreateItem(request.Actor(), input)));
  });
  router.Add(Verb::post, "/api/v1/duty-items/copy", "duty:write", [&](http::Request& request) {
    const YearCopy copy = ParseYearCopy(request.Json());
    return http::Ok(boost::json::object{{"created", duty_service.CopyYear(request.Actor(), copy)}});
  });
  router.Add(Verb::patch, "/api/v1/duty-items/{id}", "duty:write", [&](http::Request& request) {
    const DutyItemPatch patch = ParseDutyItemPatch(request.Json());
    return http::Ok(ToJson(duty_service.UpdateItem(request.Actor(), request.PathId("id"), patch)));
  });
  router.Add(Verb::delete_, "/api/v1/duty-items/{id}", "duty:write", [&](http::Request& request) {
    duty_service.DeleteItem(request.Actor(), request.PathId("id"));
    return http::NoContent();
  });
}

}  // namespace liandong::duty
