#include "features/check_in/check_in_routes.hpp"

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "features/check_in/check_in_json.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::check_in {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::optional<std::int64_t> OrgOf(const http::Request& request) {
  const auto org = request.Query("org");
  if (!org || org->empty()) return std::nullopt;
  return http::ParseId(*org, "org");
}

// ?org=&all=true&q=&page=&page_size=
RosterFilter ParseRoster(const http::Request& request) {
  RosterFilter filter;
  filter.org_id = OrgOf(request);
  filter.running_only = !http::ParseBool(request.Query("all"), "all").value_or(false);
  filter.text = request.Query("q").value_or("");
  if (filter.text.size() > 200) throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "q");
  const core::PageRequest page = http::ParsePage(request, 20);
  filter.offset = page.Offset();
  filter.limit = page.Limit();
  return filter;
}

// The year asked for (default this year) and the quarter (default the last ended one).
struct Period {
  int year = 0;
  int quarter = 0;
};
Period ParsePeriod(const http::Request& request, const core::Clock& clock, bool last_ended_quarter) {
  const std::string today = core::ChinaDate(clock.NowSeconds());
  int year = std::stoi(today.substr(0, 4));
  int quarter = (std::stoi(today.substr(5, 2)) - 1) / 3 + 1;
  if (last_ended_quarter && --quarter == 0) {
    quarter = 4;
    --year;
  }
  Period period;
  period.year = static_cast<int>(http::ParseInteger(request.Query("year"), "year", 2000, 2100, year));
  period.quarter = static_cast<int>(http::ParseInteger(request.Query("quarter"), "quarter", 1, 4, quarter));
  return period;
}

template <typename Item>
boost::json::object PageOf(const Page<Item>& page, const core::PageRequest& request) {
  boost::json::array items;
  for (const Item& item : page.items) items.push_back(ToJson(item));
  return http::PageJson(std::move(items), page.total, request);
}

http::Response Workbook(std::string body, const char* file_name) {
  http::Response response;
  response.body = std::move(body);
  response.content_type = kXlsx;
  response.AddHeader("Content-Disposition", std::string("attachment; filename=\"") + file_name + "\"");
  return response;
}

}  // namespace

void RegisterCheckInRoutes(http::Router& router, const CheckInService& service, const core::Clock& clock) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/unit-check-ins", "check_in:read", [&](http::Request& request) {
    const RosterFilter filter = ParseRoster(request);
    return http::Ok(PageOf(service.ListUnitCheckIns(request.Actor(), filter), http::ParsePage(request, 20)));
  });
  router.Add(Verb::post, "/api/v1/unit-check-ins", "check_in:write", [&](http::Request& request) {
    return http::Created(ToJson(service.ReportUnit(request.Actor(), ParseNewUnitCheckIn(request.Json()))));
  });
  router.Add(Verb::post, "/api/v1/unit-check-ins/{id}/receipt", "check_in:write", [&](http::Request& request) {
    return http::Ok(ToJson(service.ReceiveUnit(request.Actor(), request.PathId("id"), ParseReceipt(request.Json()))));
  });
  router.Add(Verb::get, "/api/v1/member-check-ins", "check_in:read", [&](http::Request& request) {
    const RosterFilter filter = ParseRoster(request);
    return http::Ok(PageOf(service.ListMemberCheckIns(request.Actor(), filter), http::ParsePage(request, 20)));
  });
  router.Add(Verb::post, "/api/v1/member-check-ins", "check_in:write", [&](http::Request& request) {
    return http::Created(ToJson(service.ReportMember(request.Actor(), ParseNewMemberCheckIn(request.Json()))));
  });
  router.Add(Verb::get, "/api/v1/member-check-ins/{id}", "check_in:read", [&](http::Request& request) {
    return http::Ok(ToJson(service.GetMemberCheckIn(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::get, "/api/v1/check-in-roster/export", "check_in:read", [&](http::Request& request) {
    return Workbook(service.ExportRoster(request.Actor(), OrgOf(request)), "check-in-roster.xlsx");
  });

  router.Add(Verb::get, "/api/v1/service-categories", "check_in:read", [&](http::Request& request) {
    boost::json::array items;
    for (const ServiceCategory& category : service.ListCategories(request.Actor())) items.push_back(ToJson(category));
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::get, "/api/v1/service-posts", "check_in:read", [&](http::Request& request) {
    const core::PageRequest page = http::ParsePage(request, 20);
    return http::Ok(PageOf(service.ListPosts(request.Actor(), OrgOf(request), page.Offset(), page.Limit()), page));
  });
  router.Add(Verb::post, "/api/v1/service-posts", "check_in:write", [&](http::Request& request) {
    return http::Created(ToJson(service.PublishPost(request.Actor(), ParseNewServicePost(request.Json()))));
  });
  router.Add(Verb::get, "/api/v1/service-posts/{id}", "check_in:read", [&](http::Request& request) {
    return http::Ok(ToJson(service.GetPost(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::post, "/api/v1/service-posts/{id}/sign-ups", "check_in:write", [&](http::Request& request) {
    return http::Created(
        ToJson(service.SignUpMember(request.Actor(), request.PathId("id"), ParseSignUp(request.Json()))));
  });
  router.Add(Verb::post, "/api/v1/service-posts/{id}/hours", "check_in:write", [&](http::Request& request) {
    return http::Created(ToJson(service.RecordHours(request.Actor(), request.PathId("id"), ParseNewHours(request.Json()))));
  });

  // ?org=&year=&page=&page_size=: the hours served in a year (default this year), newest first.
  router.Add(Verb::get, "/api/v1/service-hours", "check_in:read", [&](http::Request& request) {
    const int this_year = std::stoi(core::ChinaDate(clock.NowSeconds()).substr(0, 4));
    const int year = static_cast<int>(http::ParseInteger(request.Query("year"), "year", 2000, 2100, this_year));
    const core::PageRequest page = http::ParsePage(request, 20);
    const ServiceHoursPage hours =
        service.ListServiceHours(request.Actor(), OrgOf(request), year, page.Offset(), page.Limit());
    boost::json::array items;
    for (const ServiceHoursRow& row : hours.items) items.push_back(ToJson(row));
    boost::json::object json = http::PageJson(std::move(items), hours.total, page);
    json["total_minutes"] = hours.total_minutes;
    json["year"] = year;
    return http::Ok(std::move(json));
  });
  router.Add(Verb::get, "/api/v1/feedback-sheets", "check_in:read", [&](http::Request& request) {
    const Period period = ParsePeriod(request, clock, true);
    const core::PageRequest page = http::ParsePage(request, 20);
    return http::Ok(PageOf(service.ListSheets(request.Actor(), OrgOf(request), period.year, period.quarter,
                                              page.Offset(), page.Limit()),
                           page));
  });
  router.Add(Verb::get, "/api/v1/feedback-sheets/export", "check_in:read", [&](http::Request& request) {
    const Period period = ParsePeriod(request, clock, true);
    return Workbook(service.ExportSheets(request.Actor(), OrgOf(request), period.year, period.quarter),
                    "feedback-sheets.xlsx");
  });
  router.Add(Verb::post, "/api/v1/feedback-sheets/generate", "check_in:write", [&](http::Request& request) {
    const SheetRequest input = ParseSheetRequest(request.Json());
    return http::Ok(ToJson(service.GenerateSheets(request.Actor(), input.org_id, input.year, input.quarter)));
  });

  router.Add(Verb::get, "/api/v1/check-in-evaluations", "check_in:read", [&](http::Request& request) {
    const Period period = ParsePeriod(request, clock, false);
    const core::PageRequest page = http::ParsePage(request, 20);
    return http::Ok(
        PageOf(service.ListEvaluations(request.Actor(), OrgOf(request), period.year, page.Offset(), page.Limit()), page));
  });
  router.Add(Verb::post, "/api/v1/check-in-evaluations", "check_in:write", [&](http::Request& request) {
    return http::Created(ToJson(service.Evaluate(request.Actor(), ParseNewEvaluation(request.Json()))));
  });

  router.Add(Verb::get, "/api/v1/evaluation-items", "check_in:read", [&](http::Request& request) {
    boost::json::array items;
    for (const EvaluationItem& item : service.ListItems(request.Actor())) items.push_back(ToJson(item));
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::get, "/api/v1/mutual-evaluations", "check_in:read", [&](http::Request& request) {
    const Period period = ParsePeriod(request, clock, false);
    return http::Ok(ToJson(service.ViewMutual(request.Actor(), OrgOf(request), period.year)));
  });
  router.Add(Verb::post, "/api/v1/mutual-evaluations", "check_in:write", [&](http::Request& request) {
    return http::Created(ToJson(service.Rate(request.Actor(), ParseNewMutualEvaluation(request.Json()))));
  });
}

}  // namespace liandong::check_in
