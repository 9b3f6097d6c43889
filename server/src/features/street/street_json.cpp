#include "features/street/street_json.hpp"

#include <boost/json/array.hpp>

#include "core/error.hpp"
#include "http/json_input.hpp"

namespace liandong::street {
namespace {

using core::AppError;
using core::ErrorKind;

boost::json::value OptionalText(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

std::optional<std::string> Date(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_string()) throw AppError(ErrorKind::kInvalidArgument, "street.invalid_date", std::string(field));
  return std::string(value->as_string());
}

}  // namespace

boost::json::value ToJson(const StreetProfile& profile) {
  boost::json::array powers;
  for (const PowerGrant& grant : profile.powers) {
    powers.push_back(boost::json::object{{"power", grant.power}, {"granted_on", grant.granted_on}});
  }
  return boost::json::object{
      {"org_id", profile.org_id},
      {"office_set_up", profile.office_set_up},
      {"office_set_up_on", OptionalText(profile.office_set_up_on)},
      {"deputy_secretary", profile.deputy_secretary},
      {"deputy_secretary_since", OptionalText(profile.deputy_secretary_since)},
      {"function_list_published", profile.function_list_published},
      {"function_list_published_on", OptionalText(profile.function_list_published_on)},
      {"powers", std::move(powers)},
  };
}

boost::json::value ToJson(const ReformProgress& progress) {
  boost::json::array items;
  for (const ReformProgressRow& row : progress.rows) {
    items.push_back(boost::json::object{
        {"org_id", row.org_id},
        {"name", row.name},
        {"district", row.district},
        {"office_set_up", row.office_set_up},
        {"deputy_secretary_appointed", row.deputy_secretary_appointed},
        {"function_list_published", row.function_list_published},
        {"powers_granted", row.powers_granted},
    });
  }
  const ReformTotals& totals = progress.totals;
  return boost::json::object{
      {"org_id", progress.org_id},
      {"items", std::move(items)},
      {"totals", boost::json::object{{"streets", totals.streets},
                                     {"office_set_up", totals.office_set_up},
                                     {"deputy_secretary_appointed", totals.deputy_secretary_appointed},
                                     {"function_list_published", totals.function_list_published},
                                     {"all_powers_granted", totals.all_powers_granted}}},
  };
}

StreetProfile ParseStreetProfile(const boost::json::object& body) {
  StreetProfile profile;
  profile.office_set_up = http::OptionalBool(body, "office_set_up").value_or(false);
  profile.office_set_up_on = Date(body, "office_set_up_on");
  if (const auto* deputy = body.if_contains("deputy_secretary"); deputy != nullptr && !deputy->is_null()) {
    if (!deputy->is_string()) throw AppError(ErrorKind::kInvalidArgument, "street.invalid_deputy_secretary");
    profile.deputy_secretary = std::string(deputy->as_string());
  }
  profile.deputy_secretary_since = Date(body, "deputy_secretary_since");
  profile.function_list_published = http::OptionalBool(body, "function_list_published").value_or(false);
  profile.function_list_published_on = Date(body, "function_list_published_on");
  if (const auto* powers = body.if_contains("powers"); powers != nullptr && !powers->is_null()) {
    if (!powers->is_array()) throw AppError(ErrorKind::kInvalidArgument, "street.invalid_power", "powers");
    for (const boost::json::value& entry : powers->as_array()) {
      const auto* object = entry.if_object();
      const auto* power = object != nullptr ? object->if_contains("power") : nullptr;
      const auto* granted_on = object != nullptr ? object->if_contains("granted_on") : nullptr;
      if (power == nullptr || !power->is_string()) {
        throw AppError(ErrorKind::kInvalidArgument, "street.invalid_power", "power");
      }
      if (granted_on == nullptr || !granted_on->is_string()) {
        throw AppError(ErrorKind::kInvalidArgument, "street.invalid_date", "granted_on");
      }
      profile.powers.push_back(PowerGrant{std::string(power->as_string()), std::string(granted_on->as_string())});
    }
  }
  return profile;
}

}  // namespace liandong::street
