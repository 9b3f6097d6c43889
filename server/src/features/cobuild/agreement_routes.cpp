#include "features/cobuild/agreement_routes.hpp"

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "features/cobuild/agreement_json.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::cobuild {
namespace {

// ?org=&state=upcoming|active|expiring|in_force|ended&late=true&due=true&q=&page=&page_size=
// (in_force: active or expiring; due: the next report not filed falls due within kReportDueDays)
AgreementFilter ParseFilter(const http::Request& request) {
  AgreementFilter filter;
  if (const auto org = request.Query("org"); org && !org->empty()) filter.org_id = http::ParseId(*org, "org");
  if (const auto state = request.Query("state"); state && !state->empty()) {
    if (*state != "upcoming" && *state != "active" && *state != "expiring" && *state != "in_force" &&
        *state != "ended") {
      throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "state");
    }
    filter.state = *state;
  }
  if (const auto late = request.Query("late"); late && !late->empty()) {
    if (*late != "true" && *late != "false") {
      throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "late");
    }
    filter.late_only = *late == "true";
  }
  filter.due_only = http::ParseBool(request.Query("due"), "due").value_or(false);
  filter.text = request.Query("q").value_or("");
  if (filter.text.size() > 200) throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "q");
  const core::PageRequest page = http::ParsePage(request, 20);
  filter.offset = page.Offset();
  filter.limit = page.Limit();
  return filter;
}

}  // namespace

void RegisterAgreementRoutes(http::Router& router, const AgreementService& agreement_service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/agreements", "cobuild:read", [&](http::Request& request) {
    const AgreementFilter filter = ParseFilter(request);
    const AgreementPage page = agreement_service.List(request.Actor(), filter);
    boost::json::array items;
    for (const Agreement& agreement : page.items) items.push_back(ToJson(agreement));
    return http::Ok(http::PageJson(std::move(items), page.total,
                                   core::PageRequest{filter.offset / filter.limit + 1, filter.limit}));
  });
  router.Add(Verb::get, "/api/v1/agreements/export", "cobuild:read", [&](http::Request& request) {
    http::Response response;
    response.body = agreement_service.Export(request.Actor(), ParseFilter(request));
    response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    response.AddHeader("Content-Disposition", "attachment; filename=\"agreements.xlsx\"");
    return response;
  });
  router.Add(Verb::post, "/api/v1/agreements", "cobuild:write", [&](http::Request& request) {
    const NewAgreement input = ParseNewAgreement(request.Json());
    return http::Created(ToJson(agreement_service.Create(request.Actor(), input)));
  });
  router.Add(Verb::get, "/api/v1/agreements/{id}", "cobuild:read", [&](http::Request& request) {
    std::optional<std::int64_t> as_of;
    if (const auto text = request.Query("as_of"); text && !text->empty()) as_of = core::ParseAsOf(*text);
    return http::Ok(ToJson(agreement_service.Get(request.Actor(), request.PathId("id"), as_of)));
  });
  router.Add(Verb::post, "/api/v1/agreements/{id}/reports", "cobuild:report", [&](http::Request& request) {
    const NewReportFiling filing = ParseReportFiling(request.Json());
    return http::Ok(ToJson(agreement_service.FileReport(request.Actor(), request.PathId("id"), filing)));
  });
  router.Add(Verb::post, "/api/v1/agreements/{id}/deliveries", "cobuild:write", [&](http::Request& request) {
    const NewDelivery delivery = ParseDelivery(request.Json());
    return http::Created(ToJson(agreement_service.RecordDelivery(request.Actor(), request.PathId("id"), delivery)));
  });
  router.Add(Verb::post, "/api/v1/agreements/{id}/terminate", "cobuild:write", [&](http::Request& request) {
    const std::string reason = ParseReason(request.Json());
    return http::Ok(ToJson(agreement_service.Terminate(request.Actor(), request.PathId("id"), reason)));
  });
  router.Add(Verb::post, "/api/v1/agreements/{id}/renew", "cobuild:write", [&](http::Request& request) {
    const Renewal renewal = ParseRenewal(request.Json());
    return http::Created(ToJson(agreement_service.Renew(request.Actor(), request.PathId("id"), renewal)));
  });
}

}  // namespace liandong::cobuild
