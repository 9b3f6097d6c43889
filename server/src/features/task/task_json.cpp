#include "features/task/task_json.hpp"

#include <boost/json/array.hpp>
#include <cmath>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "features/attachment/attachment_routes.hpp"
#include "http/json_input.hpp"

namespace liandong::task {
namespace {

using core::AppError;
using core::ErrorKind;

boost::json::value OriginJson(const std::optional<TaskOrigin>& origin) {
  if (!origin) return nullptr;
  return boost::json::object{{"kind", origin->kind},
                             {"meeting_id", origin->meeting_id},
                             {"meeting_title", origin->meeting_title},
                             {"resolution_id", origin->resolution_id},
                             {"resolution_position", origin->resolution_position}};
}

boost::json::object Ref(const OrgRef& org) { return {{"id", org.id}, {"name", org.name}, {"level", org.level}}; }

boost::json::value Time(const std::optional<std::int64_t>& seconds) {
  return seconds ? boost::json::value(core::FormatUtc(*seconds)) : boost::json::value(nullptr);
}

std::vector<std::int64_t> IdArray(const boost::json::object& body, std::string_view field, std::size_t max) {
  std::vector<std::int64_t> ids;
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) return ids;
  if (!value->is_array() || value->as_array().size() > max) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", std::string(field));
  }
  for (const auto& item : value->as_array()) {
    if (!item.is_int64() || item.as_int64() <= 0) {
      throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", std::string(field));
    }
    ids.push_back(item.as_int64());
  }
  return ids;
}

Targets ParseTargets(const boost::json::object& body) {
  const auto* value = body.if_contains("targets");
  if (!value || !value->is_object()) throw AppError(ErrorKind::kInvalidArgument, "task.invalid_targets");
  const boost::json::object& targets = value->as_object();
  Targets parsed;
  parsed.mode = http::RequiredString(targets, "mode", 20);
  parsed.level = http::OptionalString(targets, "level", 20);
  parsed.org_ids = IdArray(targets, "org_ids", 10000);
  return parsed;
}

}  // namespace

double ProgressPercent(int basis_points) { return std::round(basis_points / 10.0) / 10.0; }

boost::json::object ToJson(const Task& task) {
  boost::json::object json{{"id", task.id},
                           {"title", task.title},
                           {"content", task.content},
                           {"deadline", task.deadline},
                           {"weight", task.weight},
                           {"duty_item", nullptr},
                           {"issuer", Ref(task.issuer)},
                           {"created_at", core::FormatUtc(task.created_at)},
                           {"root_assignment_id", task.root_assignment_id},
                           {"progress", ProgressPercent(task.progress)},
                           {"executing_count", task.executing_count},
                           {"done_count", task.done_count},
                           {"overdue_count", task.overdue_count},
                           {"my_assignment_id", nullptr}};
  if (task.duty_item_id) {
    json["duty_item"] = boost::json::object{{"id", *task.duty_item_id}, {"description", task.duty_item_description}};
  }
  if (task.my_assignment_id) json["my_assignment_id"] = *task.my_assignment_id;
  json["origin"] = OriginJson(task.origin);
  return json;
}

boost::json::object ToJson(const Assignment& assignment, const std::string& today) {
  const int overdue_days = OverdueDays(assignment, today);
  return {{"id", assignment.id},
          {"task", boost::json::object{{"id", assignment.task_id},
                                       {"title", assignment.task_title},
                                       {"issuer", Ref(assignment.issuer)}}},
          {"parent_id", assignment.parent_id ? boost::json::value(*assignment.parent_id) : boost::json::value(nullptr)},
          {"org", Ref(assignment.org)},
          {"deadline", assignment.deadline},
          {"weight", assignment.weight},
          {"progress", ProgressPercent(assignment.progress)},
          {"state", assignment.state},
          {"overdue", overdue_days > 0},
          {"overdue_days", overdue_days},
          {"child_count", assignment.child_count},
          {"completed_at", Time(assignment.completed_at)},
          {"on_time", assignment.completed_on ? boost::json::value(*assignment.completed_on <= assignment.deadline)
                                              : boost::json::value(nullptr)}};
}

boost::json::object ToJson(const Report& report) {
  boost::json::array attachments;
  for (const auto& file : report.attachments) attachments.push_back(attachment::ToJson(file));
  return {{"id", report.id},
          {"assignment_id", report.assignment_id},
          {"percent", report.percent},
          {"text", report.text},
          {"state", report.state},
          {"reported_by",
           boost::json::object{{"id", report.reported_by.id}, {"display_name", report.reported_by.display_name}}},
          {"reported_at", core::FormatUtc(report.reported_at)},
          {"reviewed_at", Time(report.reviewed_at)},
          {"review_reason", report.review_reason ? boost::json::value(*report.review_reason) : boost::json::value(nullptr)},
          {"attachments", std::move(attachments)}};
}

boost::json::object ToJson(const AssignmentDetail& detail, const std::string& today) {
  boost::json::object json = ToJson(detail.assignment, today);
  json["content"] = detail.content;
  json["origin"] = OriginJson(detail.origin);
  json["parent"] = nullptr;
  if (detail.parent) {
    json["parent"] = boost::json::object{{"id", detail.parent->id},
                                         {"org", Ref(detail.parent->org)},
                                         {"progress", ProgressPercent(detail.parent->progress)}};
  }
  boost::json::array reports;
  for (const Report& report : detail.reports) reports.push_back(ToJson(report));
  json["reports"] = std::move(reports);
  boost::json::array events;
  for (const Event& event : detail.events) {
    boost::json::object item{{"id", event.id},
                             {"kind", event.kind},
                             {"org", Ref(event.org)},
                             {"user", nullptr},
                             {"text", event.text},
                             {"at", core::FormatUtc(event.at)}};
    if (event.user) item["user"] = boost::json::object{{"id", event.user->id}, {"display_name", event.user->display_name}};
    events.push_back(std::move(item));
  }
  json["events"] = std::move(events);
  json["can_report"] = detail.can_report;
  json["can_decompose"] = detail.can_decompose;
  json["can_review"] = detail.can_review;
  return json;
}

NewTask ParseNewTask(const boost::json::object& body) {
  NewTask task;
  task.title = http::RequiredString(body, "title", 1000);
  task.content = http::RequiredString(body, "content", 20000);
  task.deadline = http::RequiredString(body, "deadline", 10);
  task.weight = static_cast<int>(http::OptionalInteger(body, "weight", -1000000, 1000000).value_or(1));
  if (const auto duty = http::OptionalNullableId(body, "duty_item_id"); duty && *duty) task.duty_item_id = **duty;
  task.targets = ParseTargets(body);
  return task;
}

Decomposition ParseDecomposition(const boost::json::object& body) {
  Decomposition decomposition;
  decomposition.targets = ParseTargets(body);
  decomposition.deadline = http::OptionalString(body, "deadline", 10);
  decomposition.weight = static_cast<int>(http::OptionalInteger(body, "weight", -1000000, 1000000).value_or(1));
  return decomposition;
}

NewReport ParseNewReport(const boost::json::object& body) {
  NewReport report;
  report.percent = static_cast<int>(http::OptionalInteger(body, "percent", -1000000, 1000000).value_or(-1));
  report.text = http::RequiredString(body, "text", 10000);
  report.attachment_ids = IdArray(body, "attachment_ids", 20);
  return report;
}

}  // namespace liandong::task
