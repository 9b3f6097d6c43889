#include "features/unit/unit_routes.hpp"

#include "core/error.hpp"
#include "features/unit/unit_json.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::unit {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr int kMaxPageSize = 100;

struct ListInput {
  std::optional<std::int64_t> org_id;
  UnitQuery query;
};

// ?org=ID&q=&unit_kind=&eligible=true|false&coverage=…&page=1&page_size=20
ListInput ParseListInput(const http::Request& request) {
  ListInput input;
  if (auto org = request.Query("org")) input.org_id = http::ParseId(*org, "org");
  input.query.text = request.Query("q").value_or("");
  if (auto kind = request.Query("unit_kind"); kind && !kind->empty()) {
    if (!IsUnitKind(*kind)) throw AppError(ErrorKind::kInvalidArgument, "unit.invalid_kind");
    input.query.unit_kind = *kind;
  }
  input.query.eligible_for_org = http::ParseBool(request.Query("eligible"), "eligible");
  if (auto coverage = request.Query("coverage"); coverage && !coverage->empty()) {
    input.query.coverage = ParseCoverage(*coverage);
    if (!input.query.coverage) throw AppError(ErrorKind::kInvalidArgument, "unit.invalid_coverage");
  }
  const core::PageRequest page = http::ParsePage(request, 20, kMaxPageSize);
  input.query.page = static_cast<int>(page.page);
  input.query.page_size = static_cast<int>(page.page_size);
  return input;
}

}  // namespace

void RegisterUnitRoutes(http::Router& router, const UnitService& unit_service) {
  using http::Access;
  using http::Verb;
  router.Add(Verb::get, "/api/v1/units", "unit:read", [&](http::Request& request) {
    ListInput input = ParseListInput(request);
    return http::Ok(ToJson(unit_service.ListUnits(request.Actor(), input.org_id, std::move(input.query))));
  });
  router.Add(Verb::get, "/api/v1/units/export", "unit:read", [&](http::Request& request) {
    ListInput input = ParseListInput(request);
    http::Response response;
    response.body = unit_service.ExportUnits(request.Actor(), input.org_id, std::move(input.query));
    response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    response.AddHeader("Content-Disposition", "attachment; filename=\"units.xlsx\"");
    return response;
  });
  router.Add(Verb::post, "/api/v1/units", "unit:write", [&](http::Request& request) {
    UnitFields input = ParseNewUnit(request.Json());
    return http::Created(ToJson(unit_service.CreateUnit(request.Actor(), std::move(input))));
  });
  router.Add(Verb::post, "/api/v1/units/import", "unit:write", [&](http::Request& request) {
    std::vector<ImportRow> rows = ParseImportRows(request.Json());
    return http::Ok(ToJson(unit_service.ImportUnits(request.Actor(), std::move(rows)), request.language()));
  });
  router.Add(Verb::get, "/api/v1/units/{id}", "unit:read", [&](http::Request& request) {
    return http::Ok(ToJson(unit_service.GetUnit(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::patch, "/api/v1/units/{id}", "unit:write", [&](http::Request& request) {
    const UnitPatch patch = ParseUnitPatch(request.Json());
    return http::Ok(ToJson(unit_service.UpdateUnit(request.Actor(), request.PathId("id"), patch)));
  });
  router.Add(Verb::post, "/api/v1/units/{id}/archive", "unit:write", [&](http::Request& request) {
    return http::Ok(ToJson(unit_service.ArchiveUnit(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::get, "/api/v1/orgs/{id}/coverage", "unit:read", [&](http::Request& request) {
    return http::Ok(ToJson(unit_service.GetCoverage(request.Actor(), request.PathId("id"))));
  });
}

}  // namespace liandong::unit
