#include "features/duty/duty_json.hpp"

#include <boost/json/array.hpp>

#include <cstdint>

#include "http/json_input.hpp"

namespace liandong::duty {
namespace {

// The body's fields with their error codes; the service checks ranges and lengths with the same.
http::BodyReader Reader(const boost::json::object& body) {
  return http::BodyReader(body, {{"year", "duty.invalid_year"},
                                 {"from_year", "duty.invalid_year"},
                                 {"to_year", "duty.invalid_year"},
                                 {"level", "duty.invalid_level"},
                                 {"responsibility_kind", "duty.invalid_kind"},
                                 {"description", "duty.invalid_description"},
                                 {"department_id", "duty.invalid_department"},
                                 {"sort_order", "duty.invalid_sort_order"}});
}

constexpr std::size_t kMaxCharacters = 20000;
constexpr std::int64_t kAnyInteger = INT64_MAX;

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
  const http::BodyReader reader = Reader(body);
  DutyItemPatch patch;
  patch.year = reader.Integer("year", -kAnyInteger, kAnyInteger);
  patch.level = reader.Text("level", kMaxCharacters);
  patch.responsibility_kind = reader.Text("responsibility_kind", kMaxCharacters);
  patch.description = reader.Text("description", kMaxCharacters);
  patch.department_id = reader.Integer("department_id", -kAnyInteger, kAnyInteger);
  patch.sort_order = reader.Integer("sort_order", -kAnyInteger, kAnyInteger);
  return patch;
}

NewDutyItem ParseNewDutyItem(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  const DutyItemPatch patch = ParseDutyItemPatch(body);
  for (const auto& [present, field] : {std::pair{patch.year.has_value(), "year"},
                                       std::pair{patch.level.has_value(), "level"},
                                       std::pair{patch.description.has_value(), "description"},
                                       std::pair{patch.department_id.has_value(), "department_id"}}) {
    if (!present) reader.Fail(field);
  }
  return NewDutyItem{*patch.year,        *patch.level,         patch.responsibility_kind,
                     *patch.description, *patch.department_id, patch.sort_order.value_or(0)};
}

YearCopy ParseYearCopy(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  const auto from_year = reader.Integer("from_year", -kAnyInteger, kAnyInteger);
  const auto to_year = reader.Integer("to_year", -kAnyInteger, kAnyInteger);
  if (!from_year) reader.Fail("from_year");
  if (!to_year) reader.Fail("to_year");
  return YearCopy{*from_year, *to_year};
}

}  // namespace liandong::duty
