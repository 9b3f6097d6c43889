#include "features/supervision/supervision_json.hpp"

#include <algorithm>
#include <boost/json/array.hpp>

#include "core/china_date.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "features/attachment/attachment_routes.hpp"

namespace liandong::supervision {
namespace {

using core::AppError;
using core::ErrorKind;

// The error code of a field that is missing or of the wrong type.
std::string InvalidCodeOf(std::string_view field) {
  if (field == "target_org_id") return "supervision.target_not_below";
  if (field == "assignment_id") return "supervision.invalid_assignment";
  if (field == "duty_item_id") return "supervision.invalid_duty_item";
  if (field == "title") return "supervision.invalid_title";
  if (field == "requirement") return "supervision.invalid_requirement";
  if (field == "deadline") return "supervision.invalid_deadline";
  if (field == "text") return "supervision.invalid_text";
  if (field == "reason") return "supervision.invalid_reason";
  if (field == "attachment_ids") return "attachment.not_found";
  return "request.invalid_argument";
}

[[noreturn]] void Fail(std::string_view field) {
  throw AppError(ErrorKind::kInvalidArgument, InvalidCodeOf(field), std::string(field));
}

// Absent or null: nullopt; a string: it without surrounding spaces.
std::optional<std::string> Text(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_string()) Fail(field);
  const std::string_view text = value->as_string();
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::string();
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string RequiredText(const boost::json::object& body, std::string_view field) {
  auto text = Text(body, field);
  if (!text) Fail(field);
  return std::move(*text);
}

std::optional<std::int64_t> Id(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_int64() || value->as_int64() <= 0) Fail(field);
  return value->as_int64();
}

boost::json::value OrgJson(const OrgRef& org) {
  return boost::json::object{{"id", org.id}, {"name", org.name}, {"level", org.level}};
}

}  // namespace

boost::json::object ToJson(const Supervision& supervision) {
  boost::json::value assignment = nullptr;
  if (supervision.assignment) {
    assignment =
        boost::json::object{{"id", supervision.assignment->id}, {"task_title", supervision.assignment->task_title}};
  }
  boost::json::value duty_item = nullptr;
  if (supervision.duty_item) {
    duty_item =
        boost::json::object{{"id", supervision.duty_item->id}, {"description", supervision.duty_item->description}};
  }
  return {
      {"id", supervision.id},
      {"issuer", OrgJson(supervision.issuer)},
      {"target", OrgJson(supervision.target)},
      {"assignment", std::move(assignment)},
      {"duty_item", std::move(duty_item)},
      {"title", supervision.title},
      {"requirement", supervision.requirement},
      {"deadline", supervision.deadline},
      {"state", supervision.state},
      {"overdue", supervision.overdue},
      {"created_at", core::FormatUtc(supervision.created_at)},
      {"closed_at",
       supervision.closed_at ? boost::json::value(core::FormatUtc(*supervision.closed_at)) : boost::json::value()},
  };
}

boost::json::object ToJson(const Event& event) {
  boost::json::array attachments;
  for (const attachment::Attachment& file : event.attachments) attachments.push_back(attachment::ToJson(file));
  boost::json::value user = nullptr;
  if (event.user) user = boost::json::object{{"id", event.user->id}, {"display_name", event.user->display_name}};
  return {
      {"id", event.id},
      {"kind", event.kind},
      {"org", OrgJson(event.org)},
      {"user", std::move(user)},
      {"text", event.text},
      {"at", core::FormatUtc(event.at)},
      {"attachments", std::move(attachments)},
  };
}

boost::json::object ToJson(const SupervisionDetail& detail) {
  boost::json::object body = ToJson(detail.supervision);
  boost::json::array events;
  for (const Event& event : detail.events) events.push_back(ToJson(event));
  body["events"] = std::move(events);
  body["can_rectify"] = detail.can_rectify;
  body["can_verify"] = detail.can_verify;
  return body;
}

boost::json::object ToJson(const SupervisionPage& page) {
  boost::json::array items;
  for (const Supervision& supervision : page.items) items.push_back(ToJson(supervision));
  return {{"items", std::move(items)}, {"total", page.total}};
}

NewSupervision ParseNewSupervision(const boost::json::object& body) {
  NewSupervision input;
  const auto target = Id(body, "target_org_id");
  if (!target) Fail("target_org_id");
  input.target_org_id = *target;
  input.assignment_id = Id(body, "assignment_id");
  input.duty_item_id = Id(body, "duty_item_id");
  input.title = RequiredText(body, "title");
  input.requirement = RequiredText(body, "requirement");
  input.deadline = RequiredText(body, "deadline");
  return input;
}

Rectification ParseRectification(const boost::json::object& body) {
  Rectification rectification;
  rectification.text = RequiredText(body, "text");
  const auto* ids = body.if_contains("attachment_ids");
  if (ids != nullptr && !ids->is_null()) {
    if (!ids->is_array()) Fail("attachment_ids");
    for (const auto& id : ids->as_array()) {
      if (!id.is_int64() || id.as_int64() <= 0) Fail("attachment_ids");
      rectification.attachment_ids.push_back(id.as_int64());
    }
  }
  return rectification;
}

std::string ParseOptionalText(const boost::json::object& body) { return Text(body, "text").value_or(""); }

std::string ParseText(const boost::json::object& body) { return RequiredText(body, "text"); }

std::string ParseReason(const boost::json::object& body) { return RequiredText(body, "reason"); }


}  // namespace liandong::supervision
