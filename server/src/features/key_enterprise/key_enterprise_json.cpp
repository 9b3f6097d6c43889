#include "features/key_enterprise/key_enterprise_json.hpp"

#include <boost/json/array.hpp>

#include "core/clock.hpp"
#include "http/json_input.hpp"

namespace liandong::key_enterprise {
namespace {

constexpr std::size_t kMaxCharacters = 20000;

boost::json::object RefJson(const Ref& ref) { return {{"id", ref.id}, {"name", ref.name}}; }

boost::json::value OptionalText(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return boost::json::value(*text);
}

}  // namespace

boost::json::object ToJson(const KeyEnterprise& enterprise) {
  return {{"id", enterprise.id},
          {"unit", RefJson(enterprise.unit)},
          {"street", RefJson(enterprise.street)},
          {"agency", RefJson(enterprise.agency)},
          {"department", enterprise.department},
          {"reason", enterprise.reason},
          {"listed_on", enterprise.listed_on},
          {"visits", enterprise.visits},
          {"open_issues", enterprise.open_issues},
          {"last_visit_on", OptionalText(enterprise.last_visit_on)},
          {"created_at", core::FormatUtc(enterprise.created_at)}};
}

boost::json::object ToJson(const Entry& entry) {
  return {{"id", entry.id},
          {"key_enterprise_id", entry.key_enterprise_id},
          {"kind", entry.kind},
          {"side", entry.side},
          {"org", RefJson(entry.org)},
          {"happened_on", entry.happened_on},
          {"text", entry.text},
          {"status", OptionalText(entry.status)},
          {"resolved_on", OptionalText(entry.resolved_on)},
          {"resolution", OptionalText(entry.resolution)},
          {"resolved_by_org",
           entry.resolved_by_org ? boost::json::value(RefJson(*entry.resolved_by_org)) : boost::json::value(nullptr)},
          {"recorded_by", entry.recorded_by},
          {"recorded_at", core::FormatUtc(entry.recorded_at)}};
}

boost::json::object ToJson(const KeyEnterpriseDetail& detail) {
  boost::json::object body = ToJson(detail.enterprise);
  boost::json::array entries;
  for (const Entry& entry : detail.entries) entries.push_back(ToJson(entry));
  body["entries"] = std::move(entries);
  body["can_write"] = detail.can_write;
  return body;
}

NewKeyEnterprise ParseNewKeyEnterprise(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"unit_id", "key_enterprise.unit_not_found"},
                                       {"street_org_id", "key_enterprise.street_not_found"},
                                       {"agency_org_id", "key_enterprise.agency_not_serving"},
                                       {"reason", "key_enterprise.invalid_reason"}});
  NewKeyEnterprise input;
  input.unit_id = reader.RequiredId("unit_id");
  input.street_org_id = reader.RequiredId("street_org_id");
  input.agency_org_id = reader.RequiredId("agency_org_id");
  input.reason = reader.RequiredText("reason", kMaxCharacters);
  return input;
}

NewEntry ParseNewEntry(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"kind", "key_enterprise.invalid_kind"},
                                       {"happened_on", "key_enterprise.invalid_date"},
                                       {"text", "key_enterprise.invalid_text"}});
  NewEntry input;
  input.kind = reader.RequiredText("kind", kMaxCharacters);
  input.happened_on = reader.RequiredText("happened_on", kMaxCharacters);
  input.text = reader.RequiredText("text", kMaxCharacters);
  return input;
}

std::string ParseResolution(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"resolution", "key_enterprise.invalid_resolution"}});
  return reader.RequiredText("resolution", kMaxCharacters);
}

}  // namespace liandong::key_enterprise
