#include "features/request/request_json.hpp"

#include <boost/json/array.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "features/attachment/attachment_routes.hpp"
#include "http/json_input.hpp"

namespace liandong::request {
namespace {

http::BodyReader Reader(const boost::json::object& body) {
  return http::BodyReader(body, {{"channel", "resident_request.invalid_channel"},
                                 {"category_id", "resident_request.unknown_category"},
                                 {"title", "resident_request.invalid_title"},
                                 {"description", "resident_request.invalid_description"},
                                 {"address", "resident_request.invalid_address"},
                                 {"resident_name", "resident_request.invalid_resident_name"},
                                 {"resident_phone", "resident_request.invalid_resident_phone"},
                                 {"territory_org_id", "resident_request.invalid_territory"},
                                 {"owner_org_id", "resident_request.invalid_owner"},
                                 {"name", "resident_request.invalid_category_name"},
                                 {"parent_code", "resident_request.unknown_category"},
                                 {"owner_kind", "resident_request.invalid_category_owner"},
                                 {"agency_kind", "resident_request.invalid_category_owner"},
                                 {"sla_class", "resident_request.invalid_sla_class"}});
}

boost::json::value Time(const std::optional<std::int64_t>& at) {
  return at ? boost::json::value(core::FormatUtc(*at)) : boost::json::value(nullptr);
}

boost::json::value Text(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

std::optional<double> Coordinate(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) return std::nullopt;
  if (value->is_double()) return value->get_double();
  if (value->is_int64()) return static_cast<double>(value->get_int64());
  throw core::AppError(core::ErrorKind::kInvalidArgument, "resident_request.invalid_location", std::string(field));
}

double Rate(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

boost::json::object TallyJson(const Tally& t) {
  boost::json::object counts{{"received", t.received},
                             {"responded", t.responded},
                             {"replied", t.replied},
                             {"on_time", t.on_time},
                             {"rated", t.rated},
                             {"resolved", t.resolved},
                             {"satisfied", t.satisfied},
                             {"basically_satisfied", t.basically_satisfied},
                             {"unsatisfied", t.unsatisfied},
                             {"returned", t.returned},
                             {"reopened", t.reopened}};
  // 三率 and the others: null when nothing is there to rate.
  auto rate = [](std::int64_t part, std::int64_t whole) {
    return whole == 0 ? boost::json::value(nullptr) : boost::json::value(Rate(part, whole));
  };
  boost::json::object rates{{"response", rate(t.responded, t.received)},
                            {"resolution", rate(t.resolved, t.rated)},
                            {"satisfaction", rate(t.satisfied + t.basically_satisfied, t.rated)},
                            {"on_time", rate(t.on_time, t.replied)},
                            {"return", rate(t.returned, t.received)},
                            {"reopen", rate(t.reopened, t.rated)}};
  return {{"counts", std::move(counts)}, {"rates", std::move(rates)}};
}

}  // namespace

boost::json::object ToJson(const OrgRef& org) { return {{"id", org.id}, {"name", org.name}, {"level", org.level}}; }

boost::json::object ToJson(const Category& c) {
  return {{"id", c.id},
          {"code", c.code},
          {"parent_code", Text(c.parent_code)},
          {"name", c.name},
          {"full_name", c.full_name},
          {"depth", c.depth},
          {"leaf", c.IsLeaf()},
          {"owner_kind", Text(c.owner_kind)},
          {"agency_kind", Text(c.agency_kind)},
          {"sla_class", Text(c.sla_class)},
          {"archived", c.archived}};
}

boost::json::object ToJson(const SlaClass& c) {
  return {{"code", c.code},
          {"name", c.name},
          {"sign_for_minutes", c.sign_for_minutes},
          {"contact_minutes", c.contact_minutes},
          {"resolution_minutes", c.resolution_minutes},
          {"warning_minutes", c.warning_minutes},
          {"max_extension_days", c.max_extension_days}};
}

boost::json::object ToJson(const AgencyKind& kind) {
  return {{"code", kind.code}, {"name", kind.name}, {"department", kind.department}};
}

boost::json::object ToJson(const Agency& agency) {
  boost::json::array streets;
  for (const OrgRef& street : agency.streets) streets.push_back(ToJson(street));
  return {{"org", ToJson(agency.org)},
          {"kind", agency.kind},
          {"kind_name", agency.kind_name},
          {"department", agency.department},
          {"streets", std::move(streets)}};
}

boost::json::object ToJson(const Request& r, std::int64_t now) {
  const Lateness late = RequestService::LatenessOf(r, now);
  return {
      {"id", r.id},
      {"channel", r.channel},
      {"category", boost::json::object{{"id", r.category_id}, {"code", r.category_code}, {"name", r.category_name}}},
      {"sla_class", r.sla_class},
      {"title", r.title},
      {"description", r.description},
      {"address", r.address},
      {"latitude", r.latitude ? boost::json::value(*r.latitude) : boost::json::value(nullptr)},
      {"longitude", r.longitude ? boost::json::value(*r.longitude) : boost::json::value(nullptr)},
      {"resident_name", r.resident_name_masked},
      {"resident_phone", r.resident_phone_masked},
      {"territory", ToJson(r.territory)},
      {"first_receiver", ToJson(r.first_receiver)},
      {"owner", ToJson(r.owner)},
      {"state", r.state},
      {"arrived_by_return", r.arrived_by_return},
      {"received_at", core::FormatUtc(r.received_at)},
      {"received_month", r.received_month},
      {"dispatched_at", core::FormatUtc(r.dispatched_at)},
      {"sign_for_due", core::FormatUtc(r.sign_for_due)},
      {"signed_at", Time(r.signed_at)},
      {"contact_due", core::FormatUtc(r.contact_due)},
      {"contacted_at", Time(r.contacted_at)},
      {"resolution_due", core::FormatUtc(r.resolution_due)},
      {"extension_days", r.extension_days},
      {"replied_at", Time(r.replied_at)},
      {"reply", r.reply},
      {"satisfaction", Text(r.satisfaction)},
      {"resolved", r.resolved ? boost::json::value(*r.resolved) : boost::json::value(nullptr)},
      {"rated_at", Time(r.rated_at)},
      {"closed_at", Time(r.closed_at)},
      {"return_count", r.return_count},
      {"reopen_count", r.reopen_count},
      {"late",
       boost::json::object{{"sign_for", late.sign_for}, {"contact", late.contact}, {"resolution", late.resolution}}}};
}

boost::json::object ToJson(const RequestDetail& detail, std::int64_t now) {
  boost::json::object json = ToJson(detail.request, now);
  boost::json::array steps;
  for (const Step& step : detail.steps) {
    boost::json::array attachments;
    for (const attachment::Attachment& file : step.attachments) attachments.push_back(attachment::ToJson(file));
    steps.push_back({{"id", step.id},
                     {"kind", step.kind},
                     {"org", ToJson(step.org)},
                     {"user", step.user_id ? boost::json::value(boost::json::object{{"id", *step.user_id},
                                                                                    {"display_name", step.user_name}})
                                           : boost::json::value(nullptr)},
                     {"target", step.target ? boost::json::value(ToJson(*step.target)) : boost::json::value(nullptr)},
                     {"text", step.text},
                     {"at", core::FormatUtc(step.at)},
                     {"attachments", std::move(attachments)}});
  }
  boost::json::array extensions;
  for (const Extension& x : detail.extensions) {
    extensions.push_back({{"id", x.id},
                          {"org", ToJson(x.org)},
                          {"approver", ToJson(x.approver)},
                          {"days", x.days},
                          {"reason", x.reason},
                          {"state", x.state},
                          {"asked_at", core::FormatUtc(x.asked_at)},
                          {"decided_at", Time(x.decided_at)},
                          {"decision_text", x.decision_text}});
  }
  json["steps"] = std::move(steps);
  json["extensions"] = std::move(extensions);
  json["can_sign"] = detail.can_sign;
  json["can_handle"] = detail.can_handle;
  json["can_decide_extension"] = detail.can_decide_extension;
  json["can_rate"] = detail.can_rate;
  json["can_reopen"] = detail.can_reopen;
  json["max_extension_days_left"] = detail.max_extension_days_left;
  return json;
}

boost::json::object ToJson(const Rates& rates) {
  boost::json::object json = TallyJson(rates.tally);
  json["org"] = ToJson(rates.org);
  json["month"] = rates.month;
  boost::json::array children;
  for (const OrgTally& child : rates.children) {
    boost::json::object row = TallyJson(child.tally);
    row["org"] = ToJson(child.org);
    children.push_back(std::move(row));
  }
  boost::json::array trend;
  for (const MonthTally& month : rates.trend) {
    boost::json::object row = TallyJson(month.tally);
    row["month"] = month.month;
    trend.push_back(std::move(row));
  }
  json["children"] = std::move(children);
  json["trend"] = std::move(trend);
  return json;
}

NewRequest ParseNewRequest(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  NewRequest input;
  input.channel = reader.Text("channel", 20).value_or("hotline");
  input.category_id = reader.RequiredId("category_id");
  input.title = reader.RequiredText("title", 100);
  input.description = reader.RequiredText("description", 2000);
  input.address = reader.Text("address", 200).value_or("");
  input.resident_name = reader.Text("resident_name", 50).value_or("");
  input.resident_phone = reader.Text("resident_phone", 30).value_or("");
  input.territory_org_id = reader.RequiredId("territory_org_id");
  input.owner_org_id = reader.Id("owner_org_id");
  input.latitude = Coordinate(body, "latitude");
  input.longitude = Coordinate(body, "longitude");
  return input;
}

NewCategory ParseNewCategory(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  NewCategory input;
  input.parent_code = reader.Text("parent_code", 20);
  input.name = reader.RequiredText("name", 50);
  input.owner_kind = reader.Text("owner_kind", 20);
  input.agency_kind = reader.Text("agency_kind", 40);
  input.sla_class = reader.Text("sla_class", 20);
  return input;
}

CategoryChanges ParseCategoryChanges(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  CategoryChanges changes;
  changes.name = reader.Text("name", 50);
  changes.owner_kind = reader.Text("owner_kind", 20);
  changes.agency_kind = reader.NullableText("agency_kind", 40);
  changes.sla_class = reader.Text("sla_class", 20);
  changes.archived = reader.Bool("archived");
  return changes;
}

SlaClass ParseSlaClass(const boost::json::object& body, const std::string& code) {
  const http::BodyReader reader(body, {{"name", "resident_request.invalid_sla_class"},
                                       {"sign_for_minutes", "resident_request.invalid_sla_class"},
                                       {"contact_minutes", "resident_request.invalid_sla_class"},
                                       {"resolution_minutes", "resident_request.invalid_sla_class"},
                                       {"warning_minutes", "resident_request.invalid_sla_class"},
                                       {"max_extension_days", "resident_request.invalid_sla_class"}});
  SlaClass input;
  input.code = code;
  input.name = reader.RequiredText("name", 20);
  auto minutes = [&](std::string_view field, std::int64_t min) {
    const auto value = reader.Integer(field, min, 366 * 24 * 60);
    if (!value) reader.Fail(field);
    return *value;
  };
  input.sign_for_minutes = minutes("sign_for_minutes", 1);
  input.contact_minutes = minutes("contact_minutes", 1);
  input.resolution_minutes = minutes("resolution_minutes", 1);
  input.warning_minutes = minutes("warning_minutes", 0);
  input.max_extension_days = minutes("max_extension_days", 0);
  return input;
}

NewAgency ParseNewAgency(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"parent_org_id", "resident_request.invalid_agency"},
                                       {"name", "resident_request.invalid_agency"},
                                       {"kind", "resident_request.invalid_agency"},
                                       {"street_ids", "resident_request.invalid_agency"}});
  NewAgency input;
  input.parent_org_id = reader.RequiredId("parent_org_id");
  input.name = reader.RequiredText("name", 100);
  input.kind = reader.RequiredText("kind", 40);
  input.street_ids = reader.Ids("street_ids", 100);
  return input;
}

}  // namespace liandong::request
