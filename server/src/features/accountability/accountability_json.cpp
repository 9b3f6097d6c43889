#include "features/accountability/accountability_json.hpp"

#include <boost/json/array.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/json_input.hpp"

namespace liandong::accountability {
namespace {

using core::AppError;
using core::ErrorKind;

// The body's fields with their error codes; the service checks lengths with the same codes.
http::BodyReader Reader(const boost::json::object& body) {
  return http::BodyReader(body, {{"target_org_id", "accountability.target_not_below"},
                                 {"assignment_id", "accountability.invalid_link"},
                                 {"supervision_id", "accountability.invalid_link"},
                                 {"duty_item_id", "accountability.invalid_link"},
                                 {"measure", "accountability.invalid_measure"},
                                 {"subject", "accountability.invalid_subject"},
                                 {"reason", "accountability.invalid_reason"},
                                 {"decided_on", "accountability.invalid_date"}});
}

constexpr std::size_t kMaxCharacters = 20000;

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
  const http::BodyReader reader = Reader(body);
  NewAccountability input;
  input.target_org_id = reader.RequiredId("target_org_id");
  input.assignment_id = reader.Id("assignment_id");
  input.supervision_id = reader.Id("supervision_id");
  input.duty_item_id = reader.Id("duty_item_id");
  if (!input.assignment_id && !input.supervision_id && !input.duty_item_id) {
    throw AppError(ErrorKind::kInvalidArgument, "accountability.no_link");
  }
  input.measure = reader.RequiredText("measure", kMaxCharacters);
  input.subject = reader.RequiredText("subject", kMaxCharacters);
  input.reason = reader.RequiredText("reason", kMaxCharacters);
  input.decided_on = reader.RequiredText("decided_on", kMaxCharacters);
  return input;
}

}  // namespace liandong::accountability
