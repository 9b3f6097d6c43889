#include "features/accountability/accountability_json.hpp"

#include <boost/json/array.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace liandong::accountability {
namespace {

using core::AppError;
using core::ErrorKind;

std::string InvalidCodeOf(std::string_view field) {
  if (field == "target_org_id") return "accountability.target_not_below";
  if (field == "assignment_id" || field == "supervision_id" || field == "duty_item_id") {
    return "accountability.invalid_link";
  }
  if (field == "measure") return "accountability.invalid_measure";
  if (field == "subject") return "accountability.invalid_subject";
  if (field == "reason") return "accountability.invalid_reason";
  if (field == "decided_on") return "accountability.invalid_date";
  return "request.invalid_argument";
}

[[noreturn]] void Fail(std::string_view field) {
  throw AppError(ErrorKind::kInvalidArgument, InvalidCodeOf(field), std::string(field));
}

std::string RequiredText(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (value == nullptr || !value->is_string()) Fail(field);
  const std::string_view text = value->as_string();
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
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

boost::json::value LinkJson(const std::optional<LinkRef>& link, std::string_view label_name) {
  if (!link) return nullptr;
  return boost::json::object{{"id", link->id}, {label_name, link->label}};
}

}  // namespace

boost::json::object ToJson(const Accountability& record) {
  return {
      {"id", record.id},
      {"org", OrgJson(record.org)},
      {"target", OrgJson(record.target)},
      {"assignment", LinkJson(record.assignment, "task_title")},
      {"supervision", LinkJson(record.supervision, "title")},
      {"duty_item", LinkJson(record.duty_item, "description")},
      {"measure", record.measure},
      {"subject", record.subject},
      {"reason", record.reason},
      {"decided_on", record.decided_on},
      {"created_at", core::FormatUtc(record.created_at)},
  };
}

boost::json::object ToJson(const AccountabilityPage& page) {
  boost::json::array items;
  for (const Accountability& record : page.items) items.push_back(ToJson(record));
  return {{"items", std::move(items)}, {"total", page.total}};
}

NewAccountability ParseNewAccountability(const boost::json::object& body) {
  NewAccountability input;
  const auto target = Id(body, "target_org_id");
  if (!target) Fail("target_org_id");
  input.target_org_id = *target;
  input.assignment_id = Id(body, "assignment_id");
  input.supervision_id = Id(body, "supervision_id");
  input.duty_item_id = Id(body, "duty_item_id");
  if (!input.assignment_id && !input.supervision_id && !input.duty_item_id) {
    throw AppError(ErrorKind::kInvalidArgument, "accountability.no_link");
  }
  input.measure = RequiredText(body, "measure");
  input.subject = RequiredText(body, "subject");
  input.reason = RequiredText(body, "reason");
  input.decided_on = RequiredText(body, "decided_on");
  return input;
}

}  // namespace liandong::accountability
