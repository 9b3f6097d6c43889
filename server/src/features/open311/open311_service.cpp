#include "features/open311/open311_service.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "core/china_date.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/org_scope.hpp"
#include "core/text.hpp"
#include "features/open311/open311_format.hpp"

namespace liandong::open311 {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxPartnerName = 50;
constexpr std::size_t kMaxReason = 500;
constexpr std::size_t kMaxAttributeValue = 500;
constexpr std::size_t kMaxTitle = 100;

std::string Trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool IsNumber(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, error] = std::from_chars(text.data(), end, value);
  return error == std::errc() && ptr == end && std::isfinite(value);
}

// A value of attribute `attribute` checked against its datatype; the value as stored.
std::string CheckAttribute(const Attribute& attribute, const std::string& raw) {
  const std::string value = Trimmed(raw);
  const auto invalid = [&] { return AppError(ErrorKind::kInvalidArgument, "open311.invalid_attribute", attribute.code); };
  if (core::CharacterCount(value) > kMaxAttributeValue || !core::IsCleanText(value)) throw invalid();
  if (attribute.datatype == "number" && !IsNumber(value)) throw invalid();
  if (attribute.datatype == "datetime" && !ParseIsoDateTime(value)) throw invalid();
  if (attribute.datatype == "singlevaluelist" || attribute.datatype == "multivaluelist") {
    // multivaluelist values come comma-separated
    std::size_t start = 0;
    while (start <= value.size()) {
      auto comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      const std::string key = Trimmed(value.substr(start, comma - start));
      const bool known = std::any_of(attribute.values.begin(), attribute.values.end(),
                                     [&](const AttributeValue& candidate) { return candidate.key == key; });
      if (!known) throw invalid();
      if (attribute.datatype == "singlevaluelist" && comma != value.size()) throw invalid();
      start = comma + 1;
    }
  }
  return value;
}

std::string SatisfactionWords(const std::optional<std::string>& satisfaction) {
  if (!satisfaction) return "";
  if (*satisfaction == "satisfied") return "满意";
  if (*satisfaction == "basically_satisfied") return "基本满意";
  return "不满意";
}

}  // namespace

std::vector<Partner> Open311Service::ListPartners(const core::Actor& actor) const {
  core::RequirePermission(actor, "open311:manage");
  db::Session session(database_);
  return repository_.ListPartners(session.sql(), core::OrgScope::Of(actor));
}

IssuedPartner Open311Service::CreatePartner(const core::Actor& actor, const NewPartner& input) const {
  core::RequirePermission(actor, "open311:manage");
  const std::string name = Trimmed(input.name);
  if (name.empty() || core::CharacterCount(name) > kMaxPartnerName || !core::IsCleanText(name)) {
    throw AppError(ErrorKind::kInvalidArgument, "open311.invalid_partner_name");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const org::Org org = org_service_.RequireInScope(sql, core::OrgScope::Of(actor), input.org_id);
  if (org.archived) throw AppError(ErrorKind::kInvalidArgument, "open311.invalid_partner_org");
  if (repository_.PartnerNameTaken(sql, name)) throw AppError(ErrorKind::kConflict, "open311.partner_name_taken");
  const std::int64_t now = clock_.NowSeconds();
  const std::string username = "open311." + core::RandomHex(6);
  const std::int64_t user_id = repository_.InsertSystemUser(sql, org.id, username, name, now);
  // A 256-bit key; only its hash is kept, and its first characters to tell keys apart.
  const std::string api_key = core::RandomToken();
  const std::int64_t id = repository_.InsertPartner(sql, NewPartner{name, org.id}, user_id, core::Sm3Hex(api_key),
                                                    api_key.substr(0, 6), actor.user_id, now);
  audit_.Record(sql, actor, {"open311.partner_create", "open311_partner", id});
  IssuedPartner issued{*repository_.FindPartner(sql, id), api_key};
  transaction.Commit();
  return issued;
}

Partner Open311Service::RevokePartner(const core::Actor& actor, std::int64_t id, const std::string& reason) const {
  core::RequirePermission(actor, "open311:manage");
  const std::string text = Trimmed(reason);
  if (text.empty() || core::CharacterCount(text) > kMaxReason || !core::IsCleanText(text)) {
    throw AppError(ErrorKind::kInvalidArgument, "open311.revoke_reason_required");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto partner = repository_.FindPartner(sql, id);
  if (!partner || !core::OrgScope::Of(actor).Contains(partner->org_path)) {
    throw AppError(ErrorKind::kNotFound, "open311.partner_not_found");
  }
  if (partner->revoked_at) throw AppError(ErrorKind::kConflict, "open311.partner_revoked");
  repository_.RevokePartner(sql, id, actor.user_id, text, clock_.NowSeconds());
  audit_.Record(sql, actor, {"open311.partner_revoke", "open311_partner", id});
  Partner revoked = *repository_.FindPartner(sql, id);
  transaction.Commit();
  return revoked;
}

PartnerActor Open311Service::Authenticate(const std::string& api_key, const std::string& remote_address,
                                          const std::string& request_id) const {
  if (api_key.empty()) throw AppError(ErrorKind::kPermissionDenied, "open311.api_key_required");
  db::Session session(database_);
  soci::session& sql = session.sql();
  const auto partner = repository_.FindPartnerByKeyHash(sql, core::Sm3Hex(api_key));
  if (!partner || partner->revoked_at) throw AppError(ErrorKind::kPermissionDenied, "open311.invalid_api_key");
  PartnerActor result{*partner, {}};
  core::Actor& actor = result.actor;
  actor.user_id = partner->user_id;
  actor.username = partner->username;
  actor.role = "open311_partner";
  actor.org_id = partner->org_id;
  actor.org_path = partner->org_path;
  actor.permissions = repository_.RolePermissions(sql, actor.role);
  actor.remote_address = remote_address;
  actor.request_id = request_id;
  return result;
}

std::vector<Service> Open311Service::ListServices() const {
  static const std::map<std::string, std::string> kOwnerWords = {
      {"community", "社区办理"}, {"street", "街道办理"}, {"agency", "派出机构办理"}};
  db::Session session(database_);
  soci::session& sql = session.sql();
  const std::set<std::int64_t> with_attributes = repository_.CategoriesWithAttributes(sql);
  std::map<std::string, std::string> sla_names;  // a few classes for hundreds of leaves
  std::vector<Service> services;
  for (const request::Category& leaf : request_service_.ListLeaves(sql)) {
    auto sla = sla_names.find(*leaf.sla_class);
    if (sla == sla_names.end()) {
      const auto found = request_service_.FindSlaClass(sql, *leaf.sla_class);
      sla = sla_names.emplace(*leaf.sla_class, found ? found->name : *leaf.sla_class).first;
    }
    Service service;
    service.code = leaf.code;
    service.name = leaf.name;
    service.description = leaf.full_name;
    service.group = leaf.full_name.substr(0, leaf.full_name.find(" / "));
    service.keywords = sla->second + ", " + kOwnerWords.at(*leaf.owner_kind);
    service.metadata = with_attributes.contains(leaf.id);
    services.push_back(std::move(service));
  }
  return services;
}

ServiceDefinition Open311Service::GetDefinition(const std::string& code) const {
  db::Session session(database_);
  const auto leaf = request_service_.FindLeaf(session.sql(), code);
  if (!leaf) throw AppError(ErrorKind::kNotFound, "open311.service_not_found", code);
  return ServiceDefinition{leaf->code, repository_.ListAttributes(session.sql(), leaf->id)};
}

PostedRequest Open311Service::Post(const PartnerActor& partner, const NewServiceRequest& input) const {
  if (input.service_code.empty()) throw AppError(ErrorKind::kInvalidArgument, "open311.service_code_required");
  std::optional<request::Category> leaf;
  std::vector<Attribute> definitions;
  {
    db::Session session(database_);
    leaf = request_service_.FindLeaf(session.sql(), input.service_code);
    if (!leaf) throw AppError(ErrorKind::kInvalidArgument, "open311.unknown_service_code", input.service_code);
    definitions = repository_.ListAttributes(session.sql(), leaf->id);
  }
  std::int64_t territory = 0;
  {
    const auto& id = input.address_id;
    auto [ptr, error] = std::from_chars(id.data(), id.data() + id.size(), territory);
    if (id.empty() || error != std::errc() || ptr != id.data() + id.size() || territory <= 0) {
      throw AppError(ErrorKind::kInvalidArgument, "open311.address_id_required");
    }
  }
  const std::string description = Trimmed(input.description);
  if (description.empty()) throw AppError(ErrorKind::kInvalidArgument, "open311.description_required");
  std::vector<std::pair<std::string, std::string>> values;
  for (const Attribute& attribute : definitions) {
    const auto given = input.attributes.find(attribute.code);
    if (given == input.attributes.end() || Trimmed(given->second).empty()) {
      if (attribute.required) throw AppError(ErrorKind::kInvalidArgument, "open311.attribute_required", attribute.code);
      continue;
    }
    values.emplace_back(attribute.code, CheckAttribute(attribute, given->second));
  }

  request::NewRequest request;
  request.channel = "partner";
  request.category_id = leaf->id;
  const std::string address = Trimmed(input.address_string);
  request.title = core::Prefix(address.empty() ? leaf->name : leaf->name + "｜" + address, kMaxTitle);
  request.description = description;
  request.address = address;
  request.latitude = input.lat;
  request.longitude = input.lon;
  request.resident_name = Trimmed(input.last_name) + Trimmed(input.first_name);
  request.resident_phone = Trimmed(input.phone);
  request.territory_org_id = territory;
  const std::string token = core::RandomHex(16);
  const std::int64_t now = clock_.NowSeconds();
  const auto also = [&](soci::session& sql, const request::Request& saved) {
    repository_.InsertPosted(sql, saved.id, partner.partner.id, token, now);
    for (const auto& [code, value] : values) repository_.InsertAttribute(sql, saved.id, code, value);
    repository_.TouchPartner(sql, partner.partner.id, now);
  };
  request::Request created;
  try {
    created = request_service_.Create(partner.actor, request, also);
  } catch (const AppError& error) {
    // A territory outside the partner's org is, to the partner, an address it may not use.
    if (error.code() == "org.not_found" || error.code() == "resident_request.invalid_territory") {
      throw AppError(ErrorKind::kInvalidArgument, "open311.unknown_address_id", input.address_id);
    }
    throw;
  }
  PostedRequest posted;
  posted.service_request_id = created.id;
  posted.token = token;
  posted.service_notice = "已受理，派至" + created.owner.name + "，须于 " +
                          core::ChinaDateTime(created.resolution_due) + " 前办结答复。";
  posted.account_id = input.account_id;
  return posted;
}

ServiceRequest Open311Service::ToServiceRequest(const RequestRow& row) const {
  ServiceRequest result;
  result.id = row.id;
  result.status = row.state == "closed" ? "closed" : "open";
  if (row.state == "dispatched") {
    result.status_notes = "已派至" + row.owner_name + "，待签收";
  } else if (row.state == "in_hand") {
    result.status_notes = row.owner_name + "正在办理";
  } else if (row.state == "replied") {
    result.status_notes = row.owner_name + "已答复居民，待回访评价";
  } else {
    result.status_notes = "已办结，居民评价：" + SatisfactionWords(row.satisfaction);
  }
  result.service_name = row.category_name;
  result.service_code = row.category_code;
  result.description = row.description;
  result.agency_responsible = row.owner_name;
  result.service_notice = "「" + row.sla_name + "」时限，须于 " + core::ChinaDateTime(row.resolution_due) + " 前办结答复";
  result.requested_at = row.received_at;
  result.updated_at = row.updated_at;
  result.expected_at = row.resolution_due;
  result.address = row.address;
  result.address_id = row.territory_id;
  result.lat = row.lat;
  result.lon = row.lon;
  return result;
}

std::vector<ServiceRequest> Open311Service::List(const PartnerActor& partner, const RequestQuery& query) const {
  RequestQuery bounded = query;
  if (bounded.ids.empty()) {
    // GeoReport's default: the last 90 days; a range may not span more.
    const std::int64_t now = clock_.NowSeconds();
    if (!bounded.end) bounded.end = bounded.start ? *bounded.start + kMaxRangeSeconds : now;
    if (!bounded.start) bounded.start = *bounded.end - kMaxRangeSeconds;
    if (*bounded.end < *bounded.start) throw AppError(ErrorKind::kInvalidArgument, "open311.invalid_date_range");
    if (*bounded.end - *bounded.start > kMaxRangeSeconds) {
      throw AppError(ErrorKind::kInvalidArgument, "open311.date_range_too_long");
    }
  }
  db::Session session(database_);
  std::vector<ServiceRequest> requests;
  for (const RequestRow& row : repository_.ListRequests(session.sql(), core::OrgScope::Of(partner.actor), bounded)) {
    requests.push_back(ToServiceRequest(row));
  }
  return requests;
}

ServiceRequest Open311Service::Get(const PartnerActor& partner, std::int64_t id) const {
  RequestQuery query;
  query.ids = {id};
  db::Session session(database_);
  const auto rows = repository_.ListRequests(session.sql(), core::OrgScope::Of(partner.actor), query);
  if (rows.empty()) throw AppError(ErrorKind::kNotFound, "open311.request_not_found");
  return ToServiceRequest(rows.front());
}

std::int64_t Open311Service::ResolveToken(const PartnerActor& partner, const std::string& token) const {
  db::Session session(database_);
  const auto id = repository_.FindByToken(session.sql(), partner.partner.id, token);
  if (!id) throw AppError(ErrorKind::kNotFound, "open311.token_not_found");
  return *id;
}

}  // namespace liandong::open311
