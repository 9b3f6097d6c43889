#include "features/cobuild_overview/overview_routes.hpp"

#include <boost/json.hpp>

#include "features/cobuild/agreement_model.hpp"
#include "http/json_input.hpp"

namespace liandong::cobuild_overview {
namespace {

boost::json::object OrgJson(const OrgRef& org) { return {{"id", org.id}, {"name", org.name}, {"level", org.level}}; }

boost::json::object FiguresJson(const Figures& figures) {
  return {{"agreements_active", figures.agreements_active},
          {"agreements_expiring", figures.agreements_expiring},
          {"reports_due", figures.reports_due},
          {"reports_late", figures.reports_late},
          {"needs_open", figures.needs_open},
          {"needs_matched", figures.needs_matched},
          {"members_reported", figures.members_reported},
          {"units_reported", figures.units_reported},
          {"service_minutes", figures.service_minutes}};
}

boost::json::object ToJson(const Overview& overview) {
  boost::json::array rows;
  for (const Row& row : overview.rows) {
    boost::json::object json = FiguresJson(row.figures);
    json["org"] = OrgJson(row.org);
    rows.push_back(std::move(json));
  }
  return {{"as_of", overview.as_of},
          {"year", overview.year},
          {"expiring_days", cobuild::kExpiringDays},
          {"due_days", cobuild::kReportDueDays},
          {"org", OrgJson(overview.org)},
          {"rows", std::move(rows)},
          {"total", FiguresJson(overview.total)}};
}

}  // namespace

void RegisterOverviewRoutes(http::Router& router, const OverviewService& service) {
  router.Add(http::Verb::get, "/api/v1/cobuilding-overview", "cobuild:read", [&](http::Request& request) {
    std::optional<std::int64_t> org_id;
    if (const auto org = request.Query("org"); org && !org->empty()) org_id = http::ParseId(*org, "org");
    return http::Ok(ToJson(service.Get(request.Actor(), org_id)));
  });
}

}  // namespace liandong::cobuild_overview
