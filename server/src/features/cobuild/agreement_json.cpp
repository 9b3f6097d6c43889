#include "features/cobuild/agreement_json.hpp"

#include <boost/json/array.hpp>

#include "core/china_date.hpp"
#include "core/clock.hpp"
#include "http/json_input.hpp"

namespace liandong::cobuild {
namespace {

constexpr std::size_t kMaxCharacters = 20000;
constexpr std::size_t kMaxLines = 100;

// The body's fields with their error codes; the service checks lengths with the same codes.
http::BodyReader Reader(const boost::json::object& body) {
  return http::BodyReader(body, {{"org_id", "agreement.org_not_found"},
                                 {"title", "agreement.invalid_title"},
                                 {"org_head", "agreement.invalid_person"},
                                 {"org_liaison", "agreement.invalid_person"},
                                 {"head", "agreement.invalid_person"},
                                 {"liaison", "agreement.invalid_person"},
                                 {"unit_id", "agreement.no_party"},
                                 {"signed_on", "agreement.invalid_date"},
                                 {"start_on", "agreement.invalid_date"},
                                 {"end_on", "agreement.invalid_date"},
                                 {"delivered_on", "agreement.invalid_date"},
                                 {"kind", "agreement.invalid_commitment"},
                                 {"description", "agreement.invalid_commitment"},
                                 {"rhythm", "agreement.invalid_commitment"},
                                 {"commitment_id", "agreement.invalid_commitment"},
                                 {"report_id", "agreement.invalid_report"},
                                 {"text", "agreement.invalid_text"},
                                 {"reason", "agreement.invalid_reason"}});
}

// The objects of an array field (absent: none); `code` when it is not an array of objects.
std::vector<const boost::json::object*> Objects(const boost::json::object& body, std::string_view field,
                                                std::string_view code) {
  std::vector<const boost::json::object*> objects;
  const boost::json::value* value = body.if_contains(field);
  if (value == nullptr || value->is_null()) return objects;
  const auto fail = [&] {
    core::AppError error(core::ErrorKind::kInvalidArgument, std::string(code));
    error.WithField(std::string(field));
    return error;
  };
  if (!value->is_array() || value->as_array().size() > kMaxLines) throw fail();
  for (const boost::json::value& item : value->as_array()) {
    if (!item.is_object()) throw fail();
    objects.push_back(&item.as_object());
  }
  return objects;
}

boost::json::value Nullable(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

boost::json::value Nullable(const std::optional<std::int64_t>& number) {
  return number ? boost::json::value(*number) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object ToJson(const Agreement& agreement) {
  boost::json::array unit_names;
  for (const std::string& name : agreement.unit_names) unit_names.emplace_back(name);
  return {
      {"id", agreement.id},
      {"org", boost::json::object{{"id", agreement.org.id}, {"name", agreement.org.name}, {"level", agreement.org.level}}},
      {"title", agreement.title},
      {"org_head", agreement.org_head},
      {"org_liaison", agreement.org_liaison},
      {"signed_on", agreement.signed_on},
      {"start_on", agreement.start_on},
      {"end_on", agreement.end_on},
      {"predecessor_id", Nullable(agreement.predecessor_id)},
      {"successor_id", Nullable(agreement.successor_id)},
      {"terminated_on", Nullable(agreement.terminated_on)},
      {"termination_reason", agreement.termination_reason},
      {"state", agreement.state},
      {"late_reports", agreement.late_reports},
      {"unit_names", std::move(unit_names)},
      {"created_at", core::FormatUtc(agreement.created_at)},
  };
}

boost::json::object ToJson(const AgreementDetail& detail) {
  boost::json::object body = ToJson(detail.agreement);
  boost::json::array parties;
  for (const Party& party : detail.parties) {
    parties.push_back(boost::json::object{{"id", party.id},
                                          {"unit", boost::json::object{{"id", party.unit_id}, {"name", party.unit_name}}},
                                          {"head", party.head},
                                          {"liaison", party.liaison}});
  }
  boost::json::array commitments;
  for (const Commitment& line : detail.commitments) {
    commitments.push_back(boost::json::object{{"id", line.id},
                                              {"kind", line.kind},
                                              {"description", line.description},
                                              {"quantity", line.quantity},
                                              {"rhythm", line.rhythm},
                                              {"expected", line.expected},
                                              {"delivered", line.delivered}});
  }
  boost::json::array deliveries;
  for (const Delivery& delivery : detail.deliveries) {
    deliveries.push_back(boost::json::object{{"id", delivery.id},
                                             {"commitment_id", delivery.commitment_id},
                                             {"delivered_on", delivery.delivered_on},
                                             {"quantity", delivery.quantity},
                                             {"text", delivery.text},
                                             {"recorded_by", delivery.recorded_by},
                                             {"recorded_at", core::FormatUtc(delivery.recorded_at)}});
  }
  boost::json::array reports;
  for (const Report& report : detail.reports) {
    reports.push_back(boost::json::object{
        {"id", report.id},
        {"party_id", report.party_id},
        {"unit_name", report.unit_name},
        {"period_start", report.period_start},
        {"period_end", report.period_end},
        {"due_on", report.due_on},
        {"text", Nullable(report.text)},
        {"filed_on", Nullable(report.filed_on)},
        {"filed_at", report.filed_at ? boost::json::value(core::FormatUtc(*report.filed_at)) : boost::json::value()},
        {"filed_by", report.filed_by},
        {"status", report.status},
        {"late", report.late},
        {"can_file", report.can_file},
    });
  }
  const Fulfilment& fulfilment = detail.fulfilment;
  body["parties"] = std::move(parties);
  body["commitments"] = std::move(commitments);
  body["deliveries"] = std::move(deliveries);
  body["reports"] = std::move(reports);
  body["fulfilment"] = boost::json::object{{"as_of", fulfilment.as_of},
                                           {"reports_due", fulfilment.reports_due},
                                           {"reports_on_time", fulfilment.reports_on_time},
                                           {"reports_late", fulfilment.reports_late},
                                           {"commitments_expected", fulfilment.commitments_expected},
                                           {"commitments_delivered", fulfilment.commitments_delivered}};
  body["can_write"] = detail.can_write;
  body["can_report"] = detail.can_report;
  return body;
}

NewAgreement ParseNewAgreement(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  NewAgreement input;
  input.org_id = reader.RequiredId("org_id");
  input.title = reader.RequiredText("title", kMaxCharacters);
  input.org_head = reader.RequiredText("org_head", kMaxCharacters);
  input.org_liaison = reader.RequiredText("org_liaison", kMaxCharacters);
  input.signed_on = reader.RequiredText("signed_on", kMaxCharacters);
  input.start_on = reader.RequiredText("start_on", kMaxCharacters);
  input.end_on = reader.RequiredText("end_on", kMaxCharacters);
  for (const boost::json::object* item : Objects(body, "parties", "agreement.no_party")) {
    const http::BodyReader party = Reader(*item);
    input.parties.push_back(
        {party.RequiredId("unit_id"), party.RequiredText("head", kMaxCharacters),
         party.RequiredText("liaison", kMaxCharacters)});
  }
  for (const boost::json::object* item : Objects(body, "commitments", "agreement.invalid_commitment")) {
    const http::BodyReader line = http::BodyReader(*item, {{"kind", "agreement.invalid_commitment"},
                                                           {"description", "agreement.invalid_commitment"},
                                                           {"quantity", "agreement.invalid_commitment"},
                                                           {"rhythm", "agreement.invalid_commitment"}});
    NewCommitment commitment;
    commitment.kind = line.RequiredText("kind", kMaxCharacters);
    commitment.description = line.RequiredText("description", kMaxCharacters);
    const auto quantity = line.Integer("quantity", 1, 1'000'000'000'000);
    if (!quantity) line.Fail("quantity");
    commitment.quantity = quantity.value_or(0);
    commitment.rhythm = line.RequiredText("rhythm", kMaxCharacters);
    input.commitments.push_back(std::move(commitment));
  }
  return input;
}

Renewal ParseRenewal(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  Renewal renewal;
  renewal.end_on = reader.RequiredText("end_on", kMaxCharacters);
  renewal.start_on = reader.Text("start_on", kMaxCharacters);
  renewal.signed_on = reader.Text("signed_on", kMaxCharacters);
  if (renewal.start_on && renewal.start_on->empty()) renewal.start_on.reset();
  if (renewal.signed_on && renewal.signed_on->empty()) renewal.signed_on.reset();
  return renewal;
}

NewReportFiling ParseReportFiling(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  return {reader.RequiredId("report_id"), reader.RequiredText("text", kMaxCharacters)};
}

NewDelivery ParseDelivery(const boost::json::object& body) {
  const http::BodyReader reader =
      http::BodyReader(body, {{"commitment_id", "agreement.invalid_commitment"},
                              {"delivered_on", "agreement.invalid_date"},
                              {"quantity", "agreement.invalid_quantity"},
                              {"text", "agreement.invalid_text"}});
  NewDelivery delivery;
  delivery.commitment_id = reader.RequiredId("commitment_id");
  delivery.delivered_on = reader.RequiredText("delivered_on", kMaxCharacters);
  const auto quantity = reader.Integer("quantity", 1, 1'000'000'000'000);
  if (!quantity) reader.Fail("quantity");
  delivery.quantity = quantity.value_or(0);
  delivery.text = reader.RequiredText("text", kMaxCharacters);
  return delivery;
}

std::string ParseReason(const boost::json::object& body) { return Reader(body).RequiredText("reason", kMaxCharacters); }

}  // namespace liandong::cobuild
