#include "features/whistle/whistle_routes.hpp"

#include <boost/json/array.hpp>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "features/whistle/whistle_json.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::whistle {
namespace {

std::optional<std::string> QueryText(const http::Request& request, std::string_view name) {
  auto value = request.Query(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> QueryId(const http::Request& request, std::string_view name) {
  const auto text = QueryText(request, name);
  if (!text) return std::nullopt;
  return http::ParseId(*text, name);
}

std::string ReadText(const boost::json::object& body, std::string_view field, std::string_view code, bool required) {
  const http::BodyReader reader(body, {{field, code}});
  if (required) return reader.RequiredText(field, 10000);
  return reader.Text(field, 10000).value_or("");
}

}  // namespace

void RegisterWhistleRoutes(http::Router& router, const WhistleService& service, const PowerActService& acts,
                           const core::Clock& clock) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/whistle-settings", "whistle:read", [&](http::Request& request) {
    return http::Ok(ToJson(service.GetSettings(request.Actor())));
  });
  router.Add(Verb::put, "/api/v1/whistle-settings", "whistle:configure", [&](http::Request& request) {
    return http::Ok(ToJson(service.UpdateSettings(request.Actor(), ParseWhistleSettings(request.Json()))));
  });
  router.Add(Verb::get, "/api/v1/orgs/{id}/whistle-agencies", "whistle:read", [&](http::Request& request) {
    boost::json::array items;
    for (const OrgRef& agency : service.ListAgencies(request.Actor(), request.PathId("id"))) {
      items.push_back({{"id", agency.id}, {"name", agency.name}, {"kind_name", agency.level}});
    }
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::put, "/api/v1/orgs/{id}/residents", "org:write", [&](http::Request& request) {
    const http::BodyReader reader(request.Json(), {{"residents", "whistle.invalid_residents"},
                                                   {"counted_on", "whistle.invalid_counted_on"}});
    const auto residents = reader.Integer("residents", 1, 100'000'000);
    if (!residents) reader.Fail("residents");
    const std::string counted_on = reader.RequiredText("counted_on", 10);
    service.SetResidents(request.Actor(), request.PathId("id"), *residents, counted_on);
    return http::Ok(boost::json::object{{"residents", *residents}, {"counted_on", counted_on}});
  });
  router.Add(Verb::get, "/api/v1/whistle-rates", "whistle:read", [&](http::Request& request) {
    const std::string month =
        QueryText(request, "month").value_or(core::ChinaDate(clock.NowSeconds()).substr(0, 7));
    return http::Ok(ToJson(service.GetRates(request.Actor(), QueryId(request, "org"), month)));
  });

  router.Add(Verb::get, "/api/v1/whistles", "whistle:read", [&](http::Request& request) {
    WhistleFilter filter;
    filter.org_id = QueryId(request, "org");
    filter.state = QueryText(request, "state");
    filter.agency_id = QueryId(request, "agency");
    const core::PageRequest page = http::ParsePage(request, 100);
    filter.offset = page.Offset();
    filter.limit = page.Limit();
    const WhistlePage found = service.List(request.Actor(), filter);
    const std::int64_t now = clock.NowSeconds();
    boost::json::array items;
    for (const Whistle& whistle : found.items) items.push_back(ToJson(whistle, now));
    return http::Ok(http::PageJson(std::move(items), found.total, page));
  });
  router.Add(Verb::post, "/api/v1/whistles", "whistle:blow", [&](http::Request& request) {
    const NewWhistle input = ParseNewWhistle(request.Json(), request.Actor().org_id);
    return http::Created(ToJson(service.Blow(request.Actor(), input), clock.NowSeconds()));
  });
  router.Add(Verb::get, "/api/v1/whistles/{id}", "whistle:read", [&](http::Request& request) {
    return http::Ok(ToJson(service.Get(request.Actor(), request.PathId("id")), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/whistles/{id}/sign-off", "whistle:sign", [&](http::Request& request) {
    const std::string text = ReadText(request.Json(), "text", "whistle.invalid_text", false);
    return http::Ok(ToJson(service.SignOff(request.Actor(), request.PathId("id"), text), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/whistles/{id}/arrival", "whistle:respond", [&](http::Request& request) {
    const std::string text = ReadText(request.Json(), "text", "whistle.invalid_text", false);
    return http::Ok(ToJson(service.Arrive(request.Actor(), request.PathId("id"), text), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/whistles/{id}/handling", "whistle:respond", [&](http::Request& request) {
    const std::string text = ReadText(request.Json(), "text", "whistle.invalid_text", true);
    return http::Created(ToJson(service.Handle(request.Actor(), request.PathId("id"), text), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/whistles/{id}/completion", "whistle:respond", [&](http::Request& request) {
    const std::string text = ReadText(request.Json(), "text", "whistle.invalid_text", true);
    return http::Ok(ToJson(service.Complete(request.Actor(), request.PathId("id"), text), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/whistles/{id}/close", "whistle:blow", [&](http::Request& request) {
    const std::string text = ReadText(request.Json(), "text", "whistle.invalid_text", false);
    return http::Ok(ToJson(service.Close(request.Actor(), request.PathId("id"), text), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/whistles/{id}/ratings", "whistle:blow", [&](http::Request& request) {
    const auto& body = request.Json();
    const http::BodyReader reader(body, {{"agency_org_id", "whistle.not_summoned"},
                                         {"score", "whistle.invalid_score"},
                                         {"comment", "whistle.invalid_text"}});
    const std::int64_t agency = reader.RequiredId("agency_org_id");
    // Any whole number reads here; the service refuses one outside the scale with its own code.
    const auto score = reader.Integer("score", -1'000'000, 1'000'000);
    if (!score) reader.Fail("score");
    const std::string comment = reader.Text("comment", 10000).value_or("");
    return http::Created(
        ToJson(service.Rate(request.Actor(), request.PathId("id"), agency, *score, comment), clock.NowSeconds()));
  });

  router.Add(Verb::get, "/api/v1/power-acts", "power:read", [&](http::Request& request) {
    PowerActFilter filter;
    filter.org_id = QueryId(request, "org");
    filter.power = QueryText(request, "power");
    filter.agency_id = QueryId(request, "agency");
    filter.state = QueryText(request, "state");
    const core::PageRequest page = http::ParsePage(request, 100);
    filter.offset = page.Offset();
    filter.limit = page.Limit();
    const PowerActPage found = acts.List(request.Actor(), filter);
    const std::int64_t now = clock.NowSeconds();
    boost::json::array items;
    for (const PowerAct& act : found.items) items.push_back(ToJson(act, now));
    return http::Ok(http::PageJson(std::move(items), found.total, page));
  });
  router.Add(Verb::post, "/api/v1/power-acts", "power:act", [&](http::Request& request) {
    const NewPowerAct input = ParseNewPowerAct(request.Json(), request.Actor().org_id);
    return http::Created(ToJson(acts.Create(request.Actor(), input), clock.NowSeconds()));
  });
  router.Add(Verb::get, "/api/v1/power-acts/{id}", "power:read", [&](http::Request& request) {
    return http::Ok(ToJson(acts.Get(request.Actor(), request.PathId("id")), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/power-acts/{id}/answer", "power:answer", [&](http::Request& request) {
    const std::string text = ReadText(request.Json(), "text", "power_act.invalid_answer", true);
    return http::Ok(ToJson(acts.Answer(request.Actor(), request.PathId("id"), text), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/power-acts/{id}/conclusion", "power:act", [&](http::Request& request) {
    const auto& body = request.Json();
    const http::BodyReader reader(body, {{"outcome", "power_act.invalid_outcome"}, {"text", "power_act.invalid_text"}});
    const std::string outcome = reader.RequiredText("outcome", 30);
    const std::string text = reader.Text("text", 10000).value_or("");
    return http::Ok(ToJson(acts.Conclude(request.Actor(), request.PathId("id"), outcome, text), clock.NowSeconds()));
  });
  router.Add(Verb::get, "/api/v1/power-act-counts", "power:read", [&](http::Request& request) {
    const auto as_of = QueryText(request, "as_of");
    const std::int64_t at = as_of ? core::ParseAsOf(*as_of) : clock.NowSeconds();
    boost::json::array items;
    for (const AgencyActCount& count : acts.CountByAgency(request.Actor(), QueryId(request, "org"), at)) {
      items.push_back(ToJson(count));
    }
    return http::Ok(boost::json::object{{"as_of", core::FormatUtc(at)}, {"items", std::move(items)}});
  });
}

}  // namespace liandong::whistle
