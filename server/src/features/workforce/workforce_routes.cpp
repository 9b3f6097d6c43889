#include "features/workforce/workforce_routes.hpp"

#include <boost/json/array.hpp>

#include "core/error.hpp"
#include "features/workforce/workforce_json.hpp"
#include "http/errors.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::workforce {
namespace {

std::optional<std::int64_t> OrgOf(const http::Request& request) {
  if (auto org = request.Query("org"); org && !org->empty()) return http::ParseId(*org, "org");
  return std::nullopt;
}

WorkerFilter ParseFilter(const http::Request& request) {
  WorkerFilter filter;
  filter.org_id = OrgOf(request);
  filter.query = request.Query("q").value_or("");
  filter.status = request.Query("status").value_or("");
  filter.post = request.Query("post").value_or("");
  const core::PageRequest page = http::ParsePage(request, 20);
  filter.page = static_cast<int>(page.page);
  filter.page_size = static_cast<int>(page.page_size);
  return filter;
}

// Every import error carries its message in the request's language.
boost::json::value WithMessages(boost::json::value result, http::Language language) {
  for (auto& error : result.as_object()["errors"].as_array()) {
    auto& object = error.as_object();
    object["message"] = http::ErrorMessage(object["code"].as_string(), core::ErrorKind::kInvalidArgument, language);
  }
  return result;
}

boost::json::value SchemesJson(const std::vector<Scheme>& schemes) {
  boost::json::array items;
  for (const Scheme& scheme : schemes) items.push_back(ToJson(scheme));
  return boost::json::object{{"items", std::move(items)}};
}

}  // namespace

void RegisterWorkforceRoutes(http::Router& router, const WorkforceService& workforce_service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/grade-scheme-templates", "workforce:read", [&](http::Request&) {
    boost::json::array items;
    for (const SchemeDefinition& definition : SchemeTemplates()) items.push_back(ToJson(definition));
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::get, "/api/v1/grade-schemes", "workforce:read", [&](http::Request& request) {
    return http::Ok(SchemesJson(workforce_service.ListSchemes(request.Actor(), OrgOf(request))));
  });
  router.Add(Verb::post, "/api/v1/grade-schemes", "workforce:manage", [&](http::Request& request) {
    const auto& body = request.Json();
    return http::Created(ToJson(workforce_service.CreateScheme(request.Actor(), http::RequiredId(body, "org_id"),
                                                               ParseSchemeDefinition(body))));
  });
  router.Add(Verb::get, "/api/v1/grade-schemes/{id}", "workforce:read", [&](http::Request& request) {
    return http::Ok(ToJson(workforce_service.GetScheme(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::put, "/api/v1/grade-schemes/{id}", "workforce:manage", [&](http::Request& request) {
    return http::Ok(ToJson(
        workforce_service.UpdateScheme(request.Actor(), request.PathId("id"), ParseSchemeDefinition(request.Json()))));
  });
  router.Add(Verb::get, "/api/v1/workers", "workforce:read", [&](http::Request& request) {
    return http::Ok(ToJson(workforce_service.ListWorkers(request.Actor(), ParseFilter(request))));
  });
  router.Add(Verb::post, "/api/v1/workers", "workforce:write", [&](http::Request& request) {
    return http::Created(ToJson(workforce_service.CreateWorker(request.Actor(), ParseWorkerInput(request.Json()))));
  });
  router.Add(Verb::post, "/api/v1/workers/import", "workforce:write", [&](http::Request& request) {
    const WorkerRows rows = ParseWorkerRows(request.Json());
    return http::Ok(WithMessages(ToJson(workforce_service.ImportWorkers(request.Actor(), rows.inputs, rows.errors)),
                                 request.language()));
  });
  router.Add(Verb::get, "/api/v1/workers/{id}", "workforce:read", [&](http::Request& request) {
    return http::Ok(ToJson(workforce_service.GetWorker(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::patch, "/api/v1/workers/{id}", "workforce:write", [&](http::Request& request) {
    return http::Ok(ToJson(
        workforce_service.UpdateWorker(request.Actor(), request.PathId("id"), ParseWorkerChanges(request.Json()))));
  });
  router.Add(Verb::post, "/api/v1/workers/{id}/appraisals", "workforce:appraise", [&](http::Request& request) {
    return http::Created(
        ToJson(workforce_service.AddAppraisal(request.Actor(), request.PathId("id"), ParseAppraisal(request.Json()))));
  });
  router.Add(Verb::post, "/api/v1/appraisals/import", "workforce:appraise", [&](http::Request& request) {
    const AppraisalRows rows = ParseAppraisalRows(request.Json());
    return http::Ok(WithMessages(ToJson(workforce_service.ImportAppraisals(request.Actor(), rows.inputs, rows.errors)),
                                 request.language()));
  });
  router.Add(Verb::get, "/api/v1/regrading-runs", "workforce:read", [&](http::Request& request) {
    boost::json::array items;
    for (const RegradingRun& run : workforce_service.ListRuns(request.Actor(), OrgOf(request))) {
      items.push_back(ToJson(run));
    }
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::post, "/api/v1/regrading-runs", "workforce:manage", [&](http::Request& request) {
    const auto& body = request.Json();
    const http::BodyReader reader(body, {{"year", "workforce.invalid_year"}});
    const auto year = reader.Integer("year", 0, 10000);
    if (!year) reader.Fail("year");
    return http::Created(
        ToJson(workforce_service.ComputeRun(request.Actor(), reader.RequiredId("org_id"), static_cast<int>(*year))));
  });
  router.Add(Verb::get, "/api/v1/regrading-runs/{id}", "workforce:read", [&](http::Request& request) {
    return http::Ok(ToJson(workforce_service.GetRun(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::get, "/api/v1/regrading-runs/{id}/proposals", "workforce:read", [&](http::Request& request) {
    return http::Ok(ToJson(workforce_service.ListProposals(
        request.Actor(), request.PathId("id"), request.Query("change").value_or(""), http::ParsePage(request, 20))));
  });
  router.Add(Verb::post, "/api/v1/regrading-runs/{id}/reviews", "workforce:write", [&](http::Request& request) {
    return http::Ok(ToJson(workforce_service.ReviewRun(request.Actor(), request.PathId("id"),
                                                       http::BodyReader(request.Json()).Id("street_id"))));
  });
  router.Add(Verb::post, "/api/v1/regrading-runs/{id}/approve", "workforce:manage", [&](http::Request& request) {
    return http::Ok(ToJson(workforce_service.ApproveRun(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::post, "/api/v1/regrading-runs/{id}/revert", "workforce:manage", [&](http::Request& request) {
    const std::string reason = http::OptionalString(request.Json(), "reason", 1000).value_or("");
    return http::Ok(ToJson(workforce_service.RevertRun(request.Actor(), request.PathId("id"), reason)));
  });
  router.Add(Verb::get, "/api/v1/pay-roster", "workforce:read", [&](http::Request& request) {
    std::optional<int> year;
    if (request.Query("year"))
      year = static_cast<int>(http::ParseInteger(request.Query("year"), "year", 2000, 2100, 0));
    http::Response response;
    response.body = workforce_service.ExportPayRoster(request.Actor(), OrgOf(request), year);
    response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    response.AddHeader("Content-Disposition", "attachment; filename=\"pay-roster.xlsx\"");
    return response;
  });
}

}  // namespace liandong::workforce
