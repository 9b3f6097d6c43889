#include "features/bulletin/bulletin_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "core/clock.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::bulletin {
namespace {

boost::json::object ToJson(const Bulletin& bulletin, bool with_figures) {
  boost::json::object json{
      {"id", bulletin.id},
      {"org", boost::json::object{{"id", bulletin.org_id}, {"name", bulletin.org_name}, {"level", bulletin.org_level}}},
      {"title", bulletin.title},
      {"period_from", bulletin.period_from},
      {"period_to", bulletin.period_to},
      {"as_of", core::FormatUtc(bulletin.as_of)},
      {"state", bulletin.state},
      {"created_at", core::FormatUtc(bulletin.created_at)},
      {"published_at", bulletin.published_at ? boost::json::value(core::FormatUtc(*bulletin.published_at))
                                             : boost::json::value(nullptr)}};
  if (with_figures) json["figures"] = boost::json::parse(bulletin.figures);
  return json;
}

}  // namespace

void RegisterBulletinRoutes(http::Router& router, const BulletinService& bulletin_service) {
  using http::Verb;
  router.Add(Verb::post, "/api/v1/bulletins", "bulletin:write", [&](http::Request& request) {
    const auto& body = request.Json();
    NewBulletin input;
    if (const auto org = http::OptionalNullableId(body, "org_id"); org && *org) input.org_id = **org;
    input.period_from = http::RequiredString(body, "period_from", 10);
    input.period_to = http::RequiredString(body, "period_to", 10);
    input.title = http::OptionalString(body, "title", 300);
    return http::Created(ToJson(bulletin_service.Create(request.Actor(), input), true));
  });
  router.Add(Verb::get, "/api/v1/bulletins", "bulletin:read", [&](http::Request& request) {
    std::int64_t total = 0;
    const core::PageRequest page = http::ParsePage(request, 50);
    const auto bulletins = bulletin_service.List(request.Actor(), page.Offset(), page.Limit(), total);
    boost::json::array items;
    for (const Bulletin& bulletin : bulletins) items.push_back(ToJson(bulletin, false));
    return http::Ok(http::PageJson(std::move(items), total, page));
  });
  router.Add(Verb::get, "/api/v1/bulletins/{id}", "bulletin:read", [&](http::Request& request) {
    return http::Ok(ToJson(bulletin_service.Get(request.Actor(), request.PathId("id")), true));
  });
  router.Add(Verb::post, "/api/v1/bulletins/{id}/publish", "bulletin:write", [&](http::Request& request) {
    return http::Ok(ToJson(bulletin_service.Publish(request.Actor(), request.PathId("id")), true));
  });
  router.Add(Verb::delete_, "/api/v1/bulletins/{id}", "bulletin:write", [&](http::Request& request) {
    bulletin_service.Delete(request.Actor(), request.PathId("id"));
    return http::NoContent();
  });
  router.Add(Verb::get, "/api/v1/bulletins/{id}/export", "bulletin:read", [&](http::Request& request) {
    const Export file = bulletin_service.ExportWorkbook(request.Actor(), request.PathId("id"));
    http::Response response;
    response.body = file.workbook;
    response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    response.AddHeader("Content-Disposition", "attachment; filename=\"" + file.file_name + "\"");
    return response;
  });
}

}  // namespace liandong::bulletin
