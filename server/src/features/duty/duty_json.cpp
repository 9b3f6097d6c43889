#include "features/duty/duty_json.hpp"

#include <boost/json/array.hpp>

#include "core/error.hpp"

namespace liandong::duty {
namespace {

using core::AppError;
using core::ErrorKind;

// The error code of a field that is missing or of the wrong type.
std::string InvalidCodeOf(std::string_view field) {
  if (field == "year" || field == "from_year" || field == "to_year") return "duty.invalid_year";
  if (field == "level") return "duty.invalid_level";
  if (field == "responsibility_kind") return "duty.invalid_kind";
  if (field == "description") return "duty.invalid_description";
  if (field == "department_id") return "duty.invalid_department";
  if (field == "sort_order") return "duty.invalid_sort_order";
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

std::optional<std::int64_t> Integer(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_int64()) Fail(field);
  return value->as_int64();
}

boost::json::value OrgJson(const OrgRef& org) {
  return boost::json::object{{"id", org.id}, {"name", org.name}, {"level", org.level}};
}

}  // namespace

boost::json::value ToJson(const std::vector<Department>& departments) {
  boost::json::array items;
  for (const Department& department : departments) {
    items.push_back(boost::json::object{{"id", department.id}, {"name", department.name}});
  }
  return boost::json::object{{"items", std::move(items)}};
}

boost::json::value ToJson(const DutyItem& item) {
  return boost::json::object{
      {"id", item.id},
      {"org", OrgJson(item.org)},
      {"year", item.fields.year},
      {"level", item.fields.level},
      {"responsibility_kind", item.fields.responsibility_kind},
      {"description", item.fields.description},
      {"department", boost::json::object{{"id", item.department.id}, {"name", item.department.name}}},
      {"sort_order", item.fields.sort_order},
  };
}

boost::json::value ToJson(const std::vector<DutyItem>& items) {
  boost::json::array array;
  for (const DutyItem& item : items) array.push_back(ToJson(item));
  return boost::json::object{{"items", std::move(array)}};
}

DutyItemPatch ParseDutyItemPatch(const boost::json::object& body) {
  DutyItemPatch patch;
  patch.year = Integer(body, "year");
  patch.level = Text(body, "level");
  patch.responsibility_kind = Text(body, "responsibility_kind");
  patch.description = Text(body, "description");
  patch.department_id = Integer(body, "department_id");
  patch.sort_order = Integer(body, "sort_order");
  return patch;
}

NewDutyItem ParseNewDutyItem(const boost::json::object& body) {
  const DutyItemPatch patch = ParseDutyItemPatch(body);
  if (!patch.year) Fail("year");
  if (!patch.level) Fail("level");
  if (!patch.description) Fail("description");
  if (!patch.department_id) Fail("department_id");
  return NewDutyItem{*patch.year,        *patch.level,         patch.responsibility_kind,
                     *patch.description, *patch.department_id, patch.sort_order.value_or(0)};
}

YearCopy ParseYearCopy(const boost::json::object& body) {
  const auto from_year = Integer(body, "from_year");
  const auto to_year = Integer(body, "to_year");
  if (!from_year) Fail("from_year");
  if (!to_year) Fail("to_year");
  return YearCopy{*from_year, *to_year};
}

}  // namespace liandong::duty
