#include "features/open311/open311_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/url/parse.hpp>
#include <charconv>
#include <functional>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "features/open311/open311_format.hpp"
#include "http/errors.hpp"
#include "http/json_input.hpp"

namespace liandong::open311 {
namespace {

using core::AppError;
using core::ErrorKind;
using http::Access;
using http::Verb;

// "requests.json" → ("requests", json); nullopt for another extension.
std::optional<std::pair<std::string, Format>> SplitFile(const std::string& file) {
  const auto dot = file.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  const std::string extension = file.substr(dot + 1);
  if (extension == "json") return std::make_pair(file.substr(0, dot), Format::kJson);
  if (extension == "xml") return std::make_pair(file.substr(0, dot), Format::kXml);
  return std::nullopt;
}

http::Response Document(Format format, std::string body,
                        boost::beast::http::status status = boost::beast::http::status::ok) {
  http::Response response;
  response.status = status;
  response.content_type = ContentType(format);
  response.body = std::move(body);
  return response;
}

// Runs `answer`, turning refusals into GeoReport's error list with the HTTP status as its code.
http::Response Answer(const http::Request& request, Format format, const std::function<http::Response()>& answer) {
  try {
    return answer();
  } catch (const AppError& error) {
    const auto status = http::StatusOf(error.kind());
    std::string description(http::ErrorMessage(error.code(), error.kind(), request.language()));
    // Our own codes name the field at fault (an attribute's code, a service code); others keep
    // their detail for the log.
    if (error.code().starts_with("open311.") && !error.detail().empty()) description += "：" + error.detail();
    return Document(format, WriteErrors(format, static_cast<int>(status), description), status);
  }
}

Format FormatOf(const std::string& file) {
  const auto split = SplitFile(file);
  return split ? split->second : Format::kJson;
}

// The form fields of a POST (application/x-www-form-urlencoded), after those of the query.
std::vector<std::pair<std::string, std::string>> FormFields(const http::Request& request) {
  std::vector<std::pair<std::string, std::string>> fields;
  auto add = [&](std::string_view query) {
    const std::string target = "/?" + std::string(query);
    auto url = boost::urls::parse_origin_form(target);
    if (!url) throw AppError(ErrorKind::kInvalidArgument, "open311.invalid_form");
    for (auto param : url->params()) {
      if (!core::IsCleanText(param.key) || !core::IsCleanText(param.value)) {
        throw AppError(ErrorKind::kInvalidArgument, "open311.invalid_form", param.key);
      }
      fields.emplace_back(param.key, param.value);
    }
  };
  const std::string_view target = request.message().target();
  if (const auto question = target.find('?'); question != std::string_view::npos) add(target.substr(question + 1));
  if (!request.body().empty()) add(request.body());
  return fields;
}

std::optional<double> ParseCoordinate(const std::string& text, std::string_view name) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || ptr != text.data() + text.size()) {
    throw AppError(ErrorKind::kInvalidArgument, "open311.invalid_location", std::string(name));
  }
  return value;
}

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string part = text.substr(start, comma - start);
    if (!part.empty()) parts.push_back(std::move(part));
    start = comma + 1;
  }
  return parts;
}

RequestQuery ParseQuery(const http::Request& request) {
  RequestQuery query;
  if (const auto ids = request.Query("service_request_id"); ids && !ids->empty()) {
    for (const std::string& text : SplitCommas(*ids)) {
      std::int64_t id = 0;
      auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), id);
      if (error != std::errc() || ptr != text.data() + text.size() || id <= 0) {
        throw AppError(ErrorKind::kInvalidArgument, "open311.invalid_service_request_id", text);
      }
      query.ids.push_back(id);
    }
    if (query.ids.size() > 100) throw AppError(ErrorKind::kInvalidArgument, "open311.invalid_service_request_id");
    return query;  // GeoReport: service_request_id overrides every other parameter
  }
  if (const auto codes = request.Query("service_code"); codes && !codes->empty()) {
    query.service_codes = SplitCommas(*codes);
    if (query.service_codes.size() > 100) throw AppError(ErrorKind::kInvalidArgument, "open311.invalid_service_code");
  }
  for (const auto& [name, target] :
       {std::pair<std::string_view, std::optional<std::int64_t>*>{"start_date", &query.start},
        {"end_date", &query.end}}) {
    if (const auto text = request.Query(name); text && !text->empty()) {
      *target = ParseIsoDateTime(*text);
      if (!*target) throw AppError(ErrorKind::kInvalidArgument, "open311.invalid_date", std::string(name));
    }
  }
  if (const auto statuses = request.Query("status"); statuses && !statuses->empty()) {
    query.statuses = SplitCommas(*statuses);
    for (const std::string& status : query.statuses) {
      if (status != "open" && status != "closed")
        throw AppError(ErrorKind::kInvalidArgument, "open311.invalid_status", status);
    }
  }
  return query;
}

// A request as GeoReport writes it, its texts moved in (a day's list holds up to 1,000).
Record ToRecord(ServiceRequest item) {
  Record record;
  record.reserve(17);
  const auto add = [&record](std::string_view name, Value value) { record.push_back(Field{name, std::move(value)}); };
  add("service_request_id", Value::Text(std::to_string(item.id)));
  add("status", Value::Text(std::move(item.status)));
  add("status_notes", Value::OptionalText(std::move(item.status_notes)));
  add("service_name", Value::Text(std::move(item.service_name)));
  add("service_code", Value::Text(std::move(item.service_code)));
  add("description", Value::OptionalText(std::move(item.description)));
  add("agency_responsible", Value::OptionalText(std::move(item.agency_responsible)));
  add("service_notice", Value::OptionalText(std::move(item.service_notice)));
  add("requested_datetime", Value::Text(IsoDateTime(item.requested_at)));
  add("updated_datetime", Value::Text(IsoDateTime(item.updated_at)));
  add("expected_datetime", item.expected_at ? Value::Text(IsoDateTime(*item.expected_at)) : Value::Null());
  add("address", Value::OptionalText(std::move(item.address)));
  add("address_id", Value::Text(std::to_string(item.address_id)));
  add("zipcode", Value::Null());
  add("lat", item.lat ? Value::Number(*item.lat) : Value::Null());
  add("long", item.lon ? Value::Number(*item.lon) : Value::Null());
  add("media_url", Value::Null());
  return record;
}

Record ToRecord(const Service& service) {
  return Record{
      {"service_code", Value::Text(service.code)},
      {"service_name", Value::Text(service.name)},
      {"description", Value::Text(service.description)},
      {"metadata", Value::Bool(service.metadata)},
      {"type", Value::Text("realtime")},
      {"keywords", Value::Text(service.keywords)},
      {"group", Value::Text(service.group)},
  };
}

Record ToRecord(const Attribute& attribute) {
  std::vector<Record> values;
  for (const AttributeValue& value : attribute.values) {
    values.push_back(Record{{"key", Value::Text(value.key)}, {"name", Value::Text(value.name)}});
  }
  Record record{
      {"variable", Value::Bool(true)},
      {"code", Value::Text(attribute.code)},
      {"datatype", Value::Text(attribute.datatype)},
      {"required", Value::Bool(attribute.required)},
      {"datatype_description", Value::OptionalText(attribute.datatype_description)},
      {"order", Value::Integer(attribute.order)},
      {"description", Value::Text(attribute.description)},
  };
  if (!values.empty()) record.push_back({"values", Value::List("value", std::move(values))});
  return record;
}

boost::json::object PartnerJson(const Partner& partner) {
  boost::json::object object{
      {"id", partner.id},
      {"name", partner.name},
      {"org", boost::json::object{{"id", partner.org_id}, {"name", partner.org_name}}},
      {"username", partner.username},
      {"key_hint", partner.key_hint},
      {"created_at", core::FormatUtc(partner.created_at)},
      {"last_used_at", partner.last_used_at ? boost::json::value(core::FormatUtc(*partner.last_used_at)) : nullptr},
      {"revoked_at", partner.revoked_at ? boost::json::value(core::FormatUtc(*partner.revoked_at)) : nullptr},
      {"revoke_reason", partner.revoke_reason},
      {"request_count", partner.request_count},
  };
  return object;
}

}  // namespace

void RegisterOpen311Routes(http::Router& router, const Open311Service& service) {
  // The partners and their keys, for the city's administrators.
  router.Add(Verb::get, "/api/v1/open311-partners", "open311:manage", [&](http::Request& request) {
    boost::json::array items;
    for (const Partner& partner : service.ListPartners(request.Actor())) items.push_back(PartnerJson(partner));
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::post, "/api/v1/open311-partners", "open311:manage", [&](http::Request& request) {
    const auto& body = request.Json();
    const http::BodyReader reader(
        body, {{"name", "open311.invalid_partner_name"}, {"org_id", "open311.invalid_partner_org"}});
    NewPartner input;
    input.name = reader.RequiredText("name", 200);
    input.org_id = reader.RequiredId("org_id");
    const IssuedPartner issued = service.CreatePartner(request.Actor(), input);
    boost::json::object answer = PartnerJson(issued.partner);
    answer["api_key"] = issued.api_key;
    return http::Created(answer);
  });
  router.Add(Verb::post, "/api/v1/open311-partners/{id}/revoke", "open311:manage", [&](http::Request& request) {
    const http::BodyReader reader(request.Json(), {{"reason", "open311.revoke_reason_required"}});
    const std::string reason = reader.Text("reason", 2000).value_or("");
    return http::Ok(PartnerJson(service.RevokePartner(request.Actor(), request.PathId("id"), reason)));
  });

  // GeoReport v2. Services are public; requests need the partner's api_key.
  for (const Format format : {Format::kJson, Format::kXml}) {
    const std::string extension = format == Format::kJson ? ".json" : ".xml";
    router.Add(Verb::get, "/open311/v2/discovery" + extension, Access::kPublic, [format](http::Request& request) {
      return Answer(request, format, [&] {
        const std::string host(request.Header("Host"));
        const std::string base = host.empty() ? "/open311/v2" : "https://" + host + "/open311/v2";
        Record endpoint{
            {"specification", Value::Text("http://wiki.open311.org/GeoReport_v2")},
            {"url", Value::Text(base)},
            {"changeset", Value::Text("2026-12-02T00:00:00+08:00")},
            {"type", Value::Text("production")},
            {"formats", Value::List("format", {Record{{"format", Value::Text("application/json")}},
                                               Record{{"format", Value::Text("text/xml")}}})},
        };
        Record discovery{
            {"changeset", Value::Text("2026-12-02T00:00:00+08:00")},
            {"contact", Value::Text("市委组织部、12345市民服务热线")},
            {"key_service", Value::Text("由市级组织部门在联动系统的「Open311 对接」页面发放")},
            {"endpoints", Value::List("endpoint", {endpoint})},
        };
        return Document(format, WriteRecord(format, "discovery", discovery));
      });
    });
    router.Add(Verb::get, "/open311/v2/services" + extension, Access::kPublic, [&, format](http::Request& request) {
      return Answer(request, format, [&] {
        std::vector<Record> records;
        for (const Service& item : service.ListServices()) records.push_back(ToRecord(item));
        return Document(format, WriteList(format, "services", "service", records));
      });
    });
    router.Add(Verb::get, "/open311/v2/requests" + extension, Access::kPublic, [&, format](http::Request& request) {
      return Answer(request, format, [&] {
        const PartnerActor partner =
            service.Authenticate(request.Query("api_key").value_or(""), request.remote_address(), request.request_id());
        std::vector<Record> records;
        std::vector<ServiceRequest> items = service.List(partner, ParseQuery(request));
        records.reserve(items.size());
        for (ServiceRequest& item : items) records.push_back(ToRecord(std::move(item)));
        return Document(format, WriteList(format, "service_requests", "request", records));
      });
    });
    router.Add(Verb::post, "/open311/v2/requests" + extension, Access::kPublic, [&, format](http::Request& request) {
      return Answer(request, format, [&] {
        NewServiceRequest input;
        std::string api_key, lat, lon;
        for (const auto& [name, value] : FormFields(request)) {
          if (name == "api_key")
            api_key = value;
          else if (name == "service_code")
            input.service_code = value;
          else if (name == "lat")
            lat = value;
          else if (name == "long")
            lon = value;
          else if (name == "address_string")
            input.address_string = value;
          else if (name == "address_id")
            input.address_id = value;
          else if (name == "first_name")
            input.first_name = value;
          else if (name == "last_name")
            input.last_name = value;
          else if (name == "phone")
            input.phone = value;
          else if (name == "description")
            input.description = value;
          else if (name == "account_id")
            input.account_id = value;
          else if (name == "media_url")
            input.media_url = value;
          else if (name.starts_with("attribute[") && name.ends_with("]")) {
            input.attributes[name.substr(10, name.size() - 11)] = value;
          }
          // jurisdiction_id, email and device_id are accepted and not kept: one jurisdiction, and
          // a resident is called back by phone.
        }
        const PartnerActor partner = service.Authenticate(api_key, request.remote_address(), request.request_id());
        input.lat = ParseCoordinate(lat, "lat");
        input.lon = ParseCoordinate(lon, "long");
        const PostedRequest posted = service.Post(partner, input);
        Record record{
            {"service_request_id", Value::Text(std::to_string(posted.service_request_id))},
            {"token", Value::Text(posted.token)},
            {"service_notice", Value::Text(posted.service_notice)},
            {"account_id", Value::OptionalText(posted.account_id)},
        };
        return Document(format, WriteList(format, "service_requests", "request", {record}),
                        boost::beast::http::status::created);
      });
    });
  }
  // services/{code}.json, requests/{id}.json, tokens/{token}.json: the format is the file's extension.
  router.Add(Verb::get, "/open311/v2/services/{name}", Access::kPublic, [&](http::Request& request) {
    const std::string& file = request.PathText("name");
    const Format format = FormatOf(file);
    return Answer(request, format, [&] {
      const auto split = SplitFile(file);
      if (!split) throw AppError(ErrorKind::kNotFound, "open311.unknown_format");
      const ServiceDefinition definition = service.GetDefinition(split->first);
      std::vector<Record> attributes;
      for (const Attribute& attribute : definition.attributes) attributes.push_back(ToRecord(attribute));
      Record record{{"service_code", Value::Text(definition.code)},
                    {"attributes", Value::List("attribute", std::move(attributes))}};
      return Document(format, WriteRecord(format, "service_definition", record));
    });
  });
  router.Add(Verb::get, "/open311/v2/requests/{name}", Access::kPublic, [&](http::Request& request) {
    const std::string& file = request.PathText("name");
    const Format format = FormatOf(file);
    return Answer(request, format, [&] {
      const auto split = SplitFile(file);
      if (!split) throw AppError(ErrorKind::kNotFound, "open311.unknown_format");
      std::int64_t id = 0;
      const std::string& text = split->first;
      auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), id);
      if (error != std::errc() || ptr != text.data() + text.size() || id <= 0) {
        throw AppError(ErrorKind::kNotFound, "open311.request_not_found");
      }
      const PartnerActor partner =
          service.Authenticate(request.Query("api_key").value_or(""), request.remote_address(), request.request_id());
      return Document(format, WriteList(format, "service_requests", "request", {ToRecord(service.Get(partner, id))}));
    });
  });
  router.Add(Verb::get, "/open311/v2/tokens/{name}", Access::kPublic, [&](http::Request& request) {
    const std::string& file = request.PathText("name");
    const Format format = FormatOf(file);
    return Answer(request, format, [&] {
      const auto split = SplitFile(file);
      if (!split) throw AppError(ErrorKind::kNotFound, "open311.unknown_format");
      const PartnerActor partner =
          service.Authenticate(request.Query("api_key").value_or(""), request.remote_address(), request.request_id());
      const std::int64_t id = service.ResolveToken(partner, split->first);
      Record record{{"service_request_id", Value::Text(std::to_string(id))}, {"token", Value::Text(split->first)}};
      return Document(format, WriteList(format, "service_requests", "request", {record}));
    });
  });
}

}  // namespace liandong::open311
