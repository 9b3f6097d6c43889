#include "features/whistle/whistle_json.hpp"

#include <boost/json/array.hpp>

#include "core/china_date.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/json_input.hpp"

namespace liandong::whistle {
namespace {

// Texts are read up to this length; the services refuse longer ones than each field allows with
// the field's own code.
constexpr std::size_t kLongest = 10000;

boost::json::value Time(const std::optional<std::int64_t>& at) {
  return at ? boost::json::value(core::FormatUtc(*at)) : boost::json::value(nullptr);
}

boost::json::object ResponseJson(const Response& r, std::int64_t now) {
  const bool late = r.IsLate(now);
  boost::json::value minutes_late = nullptr, minutes_left = nullptr;
  if (r.arrival_due) {
    const std::int64_t at = r.arrived_at.value_or(now);
    if (late) minutes_late = (at - *r.arrival_due + 59) / 60;
    if (!r.arrived_at && !late) minutes_left = (*r.arrival_due - now) / 60;
  }
  return {{"id", r.id},
          {"agency", ToJson(r.agency)},
          {"arrival_due", Time(r.arrival_due)},
          {"arrived_at", Time(r.arrived_at)},
          {"arrival_text", r.arrival_text},
          {"late", late},
          {"minutes_late", minutes_late},
          {"minutes_left", minutes_left},
          {"completed_at", Time(r.completed_at)},
          {"completion_text", r.completion_text},
          {"open", r.IsOpen()},
          {"score", r.score ? boost::json::value(*r.score) : boost::json::value(nullptr)},
          {"rating_comment", r.rating_comment},
          {"rated_at", Time(r.rated_at)}};
}

// A number from a JSON body (an integer or a double).
std::optional<double> Number(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) return std::nullopt;
  if (value->is_double()) return value->get_double();
  if (value->is_int64()) return static_cast<double>(value->get_int64());
  if (value->is_uint64()) return static_cast<double>(value->get_uint64());
  throw core::AppError(core::ErrorKind::kInvalidArgument, "whistle.invalid_band").WithField(std::string(field));
}

}  // namespace

boost::json::object ToJson(const OrgRef& org) { return {{"id", org.id}, {"name", org.name}, {"level", org.level}}; }

boost::json::object ToJson(const Whistle& w, std::int64_t now) {
  boost::json::array responses;
  std::int64_t late = 0, open = 0;
  for (const Response& response : w.responses) {
    responses.push_back(ResponseJson(response, now));
    if (response.IsLate(now)) ++late;
    if (response.IsOpen()) ++open;
  }
  return {{"id", w.id},
          {"street", ToJson(w.street)},
          {"type", w.type},
          {"type_name", w.type_name},
          {"source", w.source},
          {"title", w.title},
          {"description", w.description},
          {"address", w.address},
          {"state", w.state},
          {"blown_at", core::FormatUtc(w.blown_at)},
          {"blown_month", w.blown_month},
          {"signed_off_at", Time(w.signed_off_at)},
          {"signed_off_by", w.signed_off_by_name},
          {"signed_after_dispatch", w.signed_after_dispatch},
          {"dispatched_at", Time(w.dispatched_at)},
          {"closed_at", Time(w.closed_at)},
          {"closing_text", w.closing_text},
          {"late_parts", late},
          {"open_parts", open},
          {"responses", std::move(responses)}};
}

boost::json::object ToJson(const WhistleDetail& detail, std::int64_t now) {
  boost::json::object object = ToJson(detail.whistle, now);
  boost::json::array steps;
  for (const WhistleStep& step : detail.steps) {
    steps.push_back({{"id", step.id},
                     {"kind", step.kind},
                     {"org", ToJson(step.org)},
                     {"user_name", step.user_name},
                     {"target", step.target ? boost::json::value(ToJson(*step.target)) : boost::json::value(nullptr)},
                     {"text", step.text},
                     {"at", core::FormatUtc(step.at)}});
  }
  object["steps"] = std::move(steps);
  object["can_sign_off"] = detail.can_sign_off;
  object["can_close"] = detail.can_close;
  object["can_rate"] = detail.can_rate;
  object["own_response_id"] =
      detail.own_response_id ? boost::json::value(*detail.own_response_id) : boost::json::value(nullptr);
  return object;
}

boost::json::object ToJson(const WhistleSettings& settings) {
  boost::json::array types;
  for (const WhistleType& type : settings.types) {
    types.push_back({{"code", type.code}, {"name", type.name}, {"arrival_minutes", type.arrival_minutes}});
  }
  return {{"types", std::move(types)},
          {"band", boost::json::object{{"low_per_10k", settings.band.low_per_10k},
                                       {"high_per_10k", settings.band.high_per_10k}}}};
}

boost::json::object ToJson(const WhistleRates& rates) {
  boost::json::array streets;
  std::int64_t whistles = 0;
  for (const StreetRate& street : rates.streets) {
    whistles += street.whistles;
    streets.push_back({{"street", ToJson(street.street)},
                       {"whistles", street.whistles},
                       {"residents", street.residents ? boost::json::value(*street.residents) : boost::json::value(nullptr)},
                       {"per_10k", street.per_10k ? boost::json::value(*street.per_10k) : boost::json::value(nullptr)},
                       {"band", street.band}});
  }
  return {{"org", ToJson(rates.org)},
          {"month", rates.month},
          {"band", boost::json::object{{"low_per_10k", rates.band.low_per_10k},
                                       {"high_per_10k", rates.band.high_per_10k}}},
          {"whistles", whistles},
          {"streets", std::move(streets)}};
}

boost::json::object ToJson(const PowerAct& act, std::int64_t now) {
  const std::int64_t due_end = core::ChinaDayStart(core::AddDays(act.response_due, 1)) - 1;
  const bool late = act.answered_at ? *act.answered_at > due_end : (act.state == "awaiting_answer" && now > due_end);
  return {{"id", act.id},
          {"street", ToJson(act.street)},
          {"agency", ToJson(act.agency)},
          {"power", act.power},
          {"subject", act.subject},
          {"text", act.text},
          {"evidence", act.evidence},
          {"state", act.state},
          {"acted_at", core::FormatUtc(act.acted_at)},
          {"response_due", act.response_due},
          {"late", late},
          {"answered_at", Time(act.answered_at)},
          {"answer", act.answer},
          {"outcome", act.outcome ? boost::json::value(*act.outcome) : boost::json::value(nullptr)},
          {"outcome_text", act.outcome_text},
          {"concluded_at", Time(act.concluded_at)}};
}

boost::json::object ToJson(const PowerActDetail& detail, std::int64_t now) {
  boost::json::object object = ToJson(detail.act, now);
  boost::json::array steps;
  for (const PowerActStep& step : detail.steps) {
    steps.push_back({{"id", step.id},
                     {"kind", step.kind},
                     {"org", ToJson(step.org)},
                     {"user_name", step.user_name},
                     {"text", step.text},
                     {"at", core::FormatUtc(step.at)}});
  }
  object["steps"] = std::move(steps);
  object["can_answer"] = detail.can_answer;
  object["can_conclude"] = detail.can_conclude;
  return object;
}

boost::json::object ToJson(const AgencyActCount& count) {
  return {{"agency", ToJson(count.agency)},          {"acts", count.acts},
          {"answered", count.answered},              {"answered_late", count.answered_late},
          {"adopted", count.adopted},                {"partly_adopted", count.partly_adopted},
          {"not_adopted", count.not_adopted}};
}

NewWhistle ParseNewWhistle(const boost::json::object& body, std::int64_t default_street_id) {
  const http::BodyReader reader(body, {{"street_org_id", "whistle.invalid_street"},
                                       {"type", "whistle.invalid_type"},
                                       {"source", "whistle.invalid_source"},
                                       {"title", "whistle.invalid_title"},
                                       {"description", "whistle.invalid_description"},
                                       {"address", "whistle.invalid_address"},
                                       {"agency_ids", "whistle.no_agencies"}});
  NewWhistle input;
  input.street_org_id = reader.Id("street_org_id").value_or(default_street_id);
  input.type = reader.RequiredText("type", 30);
  input.source = reader.RequiredText("source", 30);
  input.title = reader.RequiredText("title", kLongest);
  input.description = reader.RequiredText("description", kLongest);
  input.address = reader.Text("address", kLongest).value_or("");
  input.agency_ids = reader.Ids("agency_ids", 10);
  return input;
}

WhistleSettings ParseWhistleSettings(const boost::json::object& body) {
  WhistleSettings settings;
  if (const auto* types = body.if_contains("types")) {
    if (!types->is_array()) {
      throw core::AppError(core::ErrorKind::kInvalidArgument, "whistle.invalid_type").WithField("types");
    }
    for (const auto& item : types->as_array()) {
      if (!item.is_object()) {
        throw core::AppError(core::ErrorKind::kInvalidArgument, "whistle.invalid_type").WithField("types");
      }
      const http::BodyReader reader(item.as_object(), {{"code", "whistle.invalid_type"},
                                                       {"arrival_minutes", "whistle.invalid_arrival_minutes"}});
      WhistleType type;
      type.code = reader.RequiredText("code", 30);
      const auto minutes = reader.Integer("arrival_minutes", 1, 1440);
      if (!minutes) reader.Fail("arrival_minutes");
      type.arrival_minutes = *minutes;
      settings.types.push_back(std::move(type));
    }
  }
  const auto* band = body.if_contains("band");
  if (!band || !band->is_object()) {
    throw core::AppError(core::ErrorKind::kInvalidArgument, "whistle.invalid_band").WithField("band");
  }
  const auto low = Number(band->as_object(), "low_per_10k");
  const auto high = Number(band->as_object(), "high_per_10k");
  if (!low || !high) throw core::AppError(core::ErrorKind::kInvalidArgument, "whistle.invalid_band").WithField("band");
  settings.band = {*low, *high};
  return settings;
}

NewPowerAct ParseNewPowerAct(const boost::json::object& body, std::int64_t default_street_id) {
  const http::BodyReader reader(body, {{"street_org_id", "power_act.invalid_street"},
                                       {"agency_org_id", "power_act.agency_not_serving"},
                                       {"power", "power_act.invalid_power"},
                                       {"subject", "power_act.invalid_subject"},
                                       {"text", "power_act.invalid_text"},
                                       {"evidence", "power_act.invalid_evidence"},
                                       {"response_due", "power_act.invalid_response_due"}});
  NewPowerAct input;
  input.street_org_id = reader.Id("street_org_id").value_or(default_street_id);
  input.agency_org_id = reader.RequiredId("agency_org_id");
  input.power = reader.RequiredText("power", 30);
  input.subject = reader.RequiredText("subject", kLongest);
  input.text = reader.RequiredText("text", kLongest);
  input.evidence = reader.Text("evidence", kLongest).value_or("");
  input.response_due = reader.RequiredText("response_due", 10);
  return input;
}

}  // namespace liandong::whistle
