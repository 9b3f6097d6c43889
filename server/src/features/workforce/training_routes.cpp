#include "features/workforce/training_routes.hpp"

#include <boost/json/array.hpp>

#include "core/error.hpp"
#include "features/workforce/training_json.hpp"
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

std::optional<int> YearOf(const http::Request& request) {
  if (auto year = request.Query("year"); year && !year->empty()) {
    return static_cast<int>(http::ParseInteger(year, "year", 2000, 2100, 0));
  }
  return std::nullopt;
}

boost::json::value WithMessages(boost::json::value result, http::Language language) {
  for (auto& error : result.as_object()["errors"].as_array()) {
    auto& object = error.as_object();
    object["message"] = http::ErrorMessage(object["code"].as_string(), core::ErrorKind::kInvalidArgument, language);
  }
  return result;
}

template <typename Item>
boost::json::value Items(const std::vector<Item>& items) {
  boost::json::array array;
  for (const Item& item : items) array.push_back(ToJson(item));
  return boost::json::object{{"items", std::move(array)}};
}

}  // namespace

void RegisterTrainingRoutes(http::Router& router, const TrainingService& training_service,
                            const StaffingService& staffing_service, const core::Clock& clock) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/workforce-owners", "workforce:read",
             [&](http::Request& request) { return http::Ok(Items(training_service.ListOwners(request.Actor()))); });
  router.Add(Verb::get, "/api/v1/qualifications", "workforce:read", [&](http::Request& request) {
    return http::Ok(Items(training_service.ListQualifications(request.Actor())));
  });
  router.Add(Verb::post, "/api/v1/qualifications", "workforce:qualify", [&](http::Request& request) {
    return http::Created(
        ToJson(training_service.CreateQualification(request.Actor(), ParseQualification(request.Json()))));
  });
  router.Add(Verb::put, "/api/v1/qualifications/{id}", "workforce:qualify", [&](http::Request& request) {
    return http::Ok(ToJson(training_service.UpdateQualification(request.Actor(), request.PathId("id"),
                                                                ParseQualification(request.Json()))));
  });
  router.Add(Verb::post, "/api/v1/workers/{id}/qualifications", "workforce:qualify", [&](http::Request& request) {
    return http::Created(ToJson(training_service.AddWorkerQualification(request.Actor(), request.PathId("id"),
                                                                        ParseQualificationInput(request.Json()))));
  });
  router.Add(Verb::get, "/api/v1/worker-qualifications/expiring", "workforce:read", [&](http::Request& request) {
    const int within = static_cast<int>(http::ParseInteger(request.Query("within_days"), "within_days", 1, 3650, 90));
    const auto page =
        training_service.ListExpiring(request.Actor(), OrgOf(request), within, http::ParsePage(request, 20));
    return http::Ok(http::PageJson(page, [](const WorkerQualification& item) { return ToJson(item); }));
  });
  router.Add(Verb::get, "/api/v1/courses", "workforce:read", [&](http::Request& request) {
    return http::Ok(Items(training_service.ListCourses(request.Actor(), OrgOf(request))));
  });
  router.Add(Verb::post, "/api/v1/courses", "workforce:train", [&](http::Request& request) {
    const CourseInput input = ParseCourse(request.Json(), true);
    return http::Created(ToJson(training_service.CreateCourse(request.Actor(), input.org_id, input.name, input.hours)));
  });
  router.Add(Verb::put, "/api/v1/courses/{id}", "workforce:train", [&](http::Request& request) {
    const CourseInput input = ParseCourse(request.Json(), false);
    return http::Ok(
        ToJson(training_service.UpdateCourse(request.Actor(), request.PathId("id"), input.name, input.hours)));
  });
  router.Add(Verb::get, "/api/v1/training-requirements", "workforce:read", [&](http::Request& request) {
    const int year = YearOf(request).value_or(CurrentYearOf(clock));
    return http::Ok(Items(training_service.ListRequirements(request.Actor(), OrgOf(request), year)));
  });
  router.Add(Verb::put, "/api/v1/training-requirements", "workforce:train", [&](http::Request& request) {
    const RequirementInput input = ParseRequirements(request.Json());
    return http::Ok(ToJson(training_service.SetRequirements(request.Actor(), input.org_id, input.year, input.items)));
  });
  router.Add(Verb::get, "/api/v1/training-records", "workforce:read", [&](http::Request& request) {
    const int year = YearOf(request).value_or(CurrentYearOf(clock));
    std::optional<std::int64_t> worker;
    if (auto text = request.Query("worker"); text && !text->empty()) worker = http::ParseId(*text, "worker");
    return http::Ok(ToJson(
        training_service.ListRecords(request.Actor(), OrgOf(request), year, worker, http::ParsePage(request, 20))));
  });
  router.Add(Verb::post, "/api/v1/training-records", "workforce:train", [&](http::Request& request) {
    return http::Created(ToJson(training_service.AddRecord(request.Actor(), ParseRecordInput(request.Json()))));
  });
  router.Add(Verb::post, "/api/v1/training-records/import", "workforce:train", [&](http::Request& request) {
    const RecordRows rows = ParseRecordRows(request.Json());
    return http::Ok(WithMessages(ToJson(training_service.ImportRecords(request.Actor(), rows.inputs, rows.errors)),
                                 request.language()));
  });
  router.Add(Verb::get, "/api/v1/training-hours", "workforce:read", [&](http::Request& request) {
    HoursFilter filter;
    filter.org_id = OrgOf(request);
    filter.year = YearOf(request).value_or(CurrentYearOf(clock));
    filter.shortfall_only = http::ParseBool(request.Query("shortfall"), "shortfall").value_or(false);
    const core::PageRequest page = http::ParsePage(request, 20);
    filter.page = static_cast<int>(page.page);
    filter.page_size = static_cast<int>(page.page_size);
    return http::Ok(ToJson(training_service.ListHours(request.Actor(), filter)));
  });
  router.Add(Verb::put, "/api/v1/community-guarantees", "workforce:staff", [&](http::Request& request) {
    return http::Ok(ToJson(staffing_service.SaveGuarantee(request.Actor(), ParseGuarantee(request.Json(), false),
                                                          StaffingService::Part::kSize)));
  });
  router.Add(Verb::put, "/api/v1/community-funds", "workforce:fund", [&](http::Request& request) {
    return http::Ok(ToJson(staffing_service.SaveGuarantee(request.Actor(), ParseGuarantee(request.Json(), true),
                                                          StaffingService::Part::kFunds)));
  });
  router.Add(Verb::get, "/api/v1/staffing-norms", "workforce:read",
             [&](http::Request& request) { return http::Ok(Items(staffing_service.ListNorms(request.Actor()))); });
  router.Add(Verb::post, "/api/v1/staffing-norms", "workforce:staff", [&](http::Request& request) {
    return http::Created(ToJson(staffing_service.CreateNorm(request.Actor(), ParseNorm(request.Json(), true))));
  });
  router.Add(Verb::put, "/api/v1/staffing-norms/{id}", "workforce:staff", [&](http::Request& request) {
    return http::Ok(
        ToJson(staffing_service.UpdateNorm(request.Actor(), request.PathId("id"), ParseNorm(request.Json(), false))));
  });
  router.Add(Verb::put, "/api/v1/establishment-quotas", "workforce:staff", [&](http::Request& request) {
    return http::Ok(ToJson(staffing_service.SaveQuota(request.Actor(), ParseQuota(request.Json()))));
  });
  router.Add(Verb::get, "/api/v1/staffing", "workforce:read", [&](http::Request& request) {
    return http::Ok(ToJson(staffing_service.Report(request.Actor(), OrgOf(request), YearOf(request))));
  });
}

}  // namespace liandong::workforce
