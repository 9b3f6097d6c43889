#include "features/task/task_routes.hpp"

#include <boost/json/array.hpp>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "features/attachment/attachment_routes.hpp"
#include "features/task/task_json.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::task {
namespace {

using core::AppError;
using core::ErrorKind;

std::optional<std::string> DateQuery(const http::Request& request, std::string_view name) {
  auto value = request.Query(name);
  if (!value || value->empty()) return std::nullopt;
  if (!core::IsIsoDate(*value)) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_date", std::string(name));
  return value;
}

std::optional<std::int64_t> AsOfQuery(const http::Request& request) {
  const auto value = request.Query("as_of");
  if (!value || value->empty()) return std::nullopt;
  return core::ParseAsOf(*value);
}


}  // namespace

void RegisterTaskRoutes(http::Router& router, const TaskService& task_service, const core::Clock& clock) {
  using http::Verb;
  const auto today = [&clock] { return core::ChinaDate(clock.NowSeconds()); };

  router.Add(Verb::post, "/api/v1/tasks", "task:assign", [&](http::Request& request) {
    return http::Created(ToJson(task_service.Issue(request.Actor(), ParseNewTask(request.Json()))));
  });
  router.Add(Verb::get, "/api/v1/tasks", "task:read", [&](http::Request& request) {
    const core::PageRequest asked = http::ParsePage(request, 50);
    const Page<Task> page = task_service.ListIssued(request.Actor(), asked.Offset(), asked.Limit());
    boost::json::array items;
    for (const Task& task : page.items) items.push_back(ToJson(task));
    return http::Ok(http::PageJson(std::move(items), page.total, asked));
  });
  router.Add(Verb::get, "/api/v1/tasks/{id}", "task:read", [&](http::Request& request) {
    return http::Ok(ToJson(task_service.GetTask(request.Actor(), request.PathId("id"))));
  });

  router.Add(Verb::get, "/api/v1/task-assignments", "task:read", [&, today](http::Request& request) {
    AssignmentFilter filter;
    if (const auto org = request.Query("org"); org && !org->empty()) filter.org_id = http::ParseId(*org, "org");
    filter.subtree = http::ParseBool(request.Query("subtree"), "subtree").value_or(false);
    if (const auto state = request.Query("state"); state && !state->empty()) filter.state = *state;
    if (const auto task = request.Query("task"); task && !task->empty()) filter.task_id = http::ParseId(*task, "task");
    filter.deadline_from = DateQuery(request, "deadline_from");
    filter.deadline_to = DateQuery(request, "deadline_to");
    filter.executing = http::ParseBool(request.Query("executing"), "executing").value_or(false);
    filter.as_of = AsOfQuery(request);
    const core::PageRequest asked = http::ParsePage(request, 50);
    filter.offset = asked.Offset();
    filter.limit = asked.Limit();
    const Page<Assignment> page = task_service.ListAssignments(request.Actor(), filter);
    const std::string date = filter.as_of ? core::ChinaDate(*filter.as_of) : today();
    boost::json::array items;
    for (const Assignment& assignment : page.items) items.push_back(ToJson(assignment, date));
    return http::Ok(http::PageJson(std::move(items), page.total, asked));
  });
  router.Add(Verb::get, "/api/v1/task-assignments/{id}", "task:read", [&, today](http::Request& request) {
    return http::Ok(ToJson(task_service.GetAssignment(request.Actor(), request.PathId("id")), today()));
  });
  router.Add(Verb::get, "/api/v1/task-assignments/{id}/children", "task:read", [&, today](http::Request& request) {
    const std::string date = today();
    boost::json::array items;
    for (const Assignment& child : task_service.Children(request.Actor(), request.PathId("id"))) {
      items.push_back(ToJson(child, date));
    }
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::post, "/api/v1/task-assignments/{id}/decompose", "task:assign", [&, today](http::Request& request) {
    const std::string date = today();
    boost::json::array items;
    for (const Assignment& child :
         task_service.Decompose(request.Actor(), request.PathId("id"), ParseDecomposition(request.Json()))) {
      items.push_back(ToJson(child, date));
    }
    return http::Created(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::post, "/api/v1/task-assignments/{id}/attachments", "task:report", [&](http::Request& request) {
    const attachment::UploadedFile file = attachment::ReadUpload(request);
    return http::Created(
        attachment::ToJson(task_service.Upload(request.Actor(), request.PathId("id"), file.file_name, file.content)));
  });
  router.Add(Verb::post, "/api/v1/task-assignments/{id}/reports", "task:report", [&](http::Request& request) {
    return http::Created(
        ToJson(task_service.SubmitReport(request.Actor(), request.PathId("id"), ParseNewReport(request.Json()))));
  });

  router.Add(Verb::get, "/api/v1/reviews", "task:review", [&, today](http::Request& request) {
    const core::PageRequest asked = http::ParsePage(request, 50);
    const Page<PendingReview> page = task_service.ListPendingReviews(request.Actor(), asked.Offset(), asked.Limit());
    const std::string date = today();
    boost::json::array items;
    for (const PendingReview& item : page.items) {
      items.push_back(boost::json::object{{"report", ToJson(item.report)}, {"assignment", ToJson(item.assignment, date)}});
    }
    return http::Ok(http::PageJson(std::move(items), page.total, asked));
  });
  router.Add(Verb::post, "/api/v1/progress-reports/{id}/accept", "task:review", [&](http::Request& request) {
    return http::Ok(ToJson(task_service.Accept(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::post, "/api/v1/progress-reports/{id}/return", "task:review", [&](http::Request& request) {
    const std::string reason = http::RequiredString(request.Json(), "reason", 2000);
    return http::Ok(ToJson(task_service.Return(request.Actor(), request.PathId("id"), reason)));
  });
}

}  // namespace liandong::task
