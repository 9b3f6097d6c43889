#include "features/request/request_service.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"

namespace liandong::request {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxTitleLength = 100;
constexpr std::size_t kMaxTextLength = 2000;
constexpr std::size_t kMaxAttachments = 20;  // per note or reply
constexpr std::size_t kMaxAddressLength = 200;
constexpr std::size_t kMaxNameLength = 50;
constexpr std::size_t kMaxCategoryNameLength = 50;
constexpr std::int64_t kSweepBatch = 500;
constexpr std::int64_t kDay = 86400;

bool IsValidText(const std::string& text, std::size_t max_length) {
  return !text.empty() && core::CharacterCount(text) <= max_length && core::IsCleanText(text);
}

std::string Link(std::int64_t id) { return "/requests/" + std::to_string(id); }

// The tally items a request counts in, from its row: the C++ twin of MeasureConditions in
// request_repository.cpp.
std::set<std::string> ItemsOf(const Request& r) {
  std::set<std::string> items{"received"};
  if (r.contacted_at && *r.contacted_at <= r.contact_due) items.insert("responded");
  if (r.replied_at) items.insert("replied");
  if (r.replied_at && *r.replied_at <= r.resolution_due) items.insert("on_time");
  if (r.rated_at) items.insert("rated");
  if (r.rated_at && r.resolved.value_or(false)) items.insert("resolved");
  if (r.satisfaction) items.insert(*r.satisfaction);
  if (r.return_count > 0) items.insert("returned");
  if (r.reopen_count > 0) items.insert("reopened");
  return items;
}

bool IsSatisfaction(const std::string& value) {
  return value == "satisfied" || value == "basically_satisfied" || value == "unsatisfied";
}

bool IsChannel(const std::string& value) {
  return value == "hotline" || value == "street" || value == "grid" || value == "mobile" || value == "partner";
}

// A mobile number, or a landline of digits and dashes.
std::optional<std::string> NormaliseResidentPhone(const std::string& text) {
  if (text.empty()) return std::string();
  if (auto mobile = core::NormalisePhone(text)) return mobile;
  if (text.size() < 7 || text.size() > 20) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; })) {
    return std::nullopt;
  }
  return text;
}

std::string MaskResidentPhone(const std::string& phone) {
  if (phone.size() == 11 && phone.find('-') == std::string::npos) return core::MaskPhone(phone);
  if (phone.size() <= 7) return std::string(phone.size(), '*');
  return phone.substr(0, 3) + std::string(phone.size() - 7, '*') + phone.substr(phone.size() - 4);
}

// "张*", "欧阳**": the first character and a star for each other one.
std::string MaskName(const std::string& name) {
  if (name.empty()) return "";
  std::size_t first = 1;
  const auto lead = static_cast<unsigned char>(name[0]);
  if (lead >= 0xF0)
    first = 4;
  else if (lead >= 0xE0)
    first = 3;
  else if (lead >= 0xC0)
    first = 2;
  first = std::min(first, name.size());
  const std::size_t others = core::CharacterCount(name) - 1;
  return name.substr(0, first) + std::string(others, '*');
}

std::string MonthOf(std::int64_t utc_seconds) { return core::ChinaDate(utc_seconds).substr(0, 7); }

bool IsMonth(const std::string& month) { return month.size() == 7 && core::IsIsoDate(month + "-01"); }

// The month `count` months before `month` ("2026-03", 2 → "2026-01").
std::string MonthsBefore(const std::string& month, int count) {
  int year = std::stoi(month.substr(0, 4));
  int number = std::stoi(month.substr(5, 2)) - count;
  while (number < 1) {
    number += 12;
    --year;
  }
  return std::to_string(year) + (number < 10 ? "-0" : "-") + std::to_string(number);
}

const std::set<std::string>& Queues() {
  static const std::set<std::string> queues = {"to_sign", "in_hand", "overdue",    "returned",
                                               "to_rate", "taken",   "extensions", "territory"};
  return queues;
}

const std::set<std::string>& Measures() {
  static const std::set<std::string> measures = {"received",    "responded", "replied",   "on_time",
                                                 "rated",       "resolved",  "satisfied", "basically_satisfied",
                                                 "unsatisfied", "returned",  "reopened"};
  return measures;
}

core::OrgScope ScopeAt(const std::string& path) {
  const auto ids = core::IdsOnPath(path);
  return *core::OrgScope::WholeTree("/" + std::to_string(ids.front()) + "/").Narrow(path);
}

}  // namespace

Lateness RequestService::LatenessOf(const Request& r, std::int64_t at) {
  Lateness lateness;
  lateness.sign_for = r.signed_at ? *r.signed_at > r.sign_for_due : (r.state == "dispatched" && at > r.sign_for_due);
  lateness.contact = r.contacted_at ? *r.contacted_at > r.contact_due : (!r.replied_at && at > r.contact_due);
  lateness.resolution = r.replied_at ? *r.replied_at > r.resolution_due : at > r.resolution_due;
  return lateness;
}

std::vector<std::string> RequestService::TallyItemsOf(const Request& request) {
  const std::set<std::string> items = ItemsOf(request);
  return {items.begin(), items.end()};
}

std::int64_t RequestService::ResealResidents(soci::session& sql, const core::FieldCipher& from,
                                             const core::FieldCipher& to) const {
  std::int64_t changed = 0;
  for (const auto& [id, name, phone] : repository_.ListSealedResidents(sql)) {
    repository_.UpdateSealedResident(sql, id, core::Reseal(from, to, name).sealed,
                                     core::Reseal(from, to, phone).sealed);
    ++changed;
  }
  return changed;
}

namespace {

bool IsLeafInUse(const Category& category) {
  return category.IsLeaf() && !category.archived && category.owner_kind && category.sla_class;
}

// The catalogue in code order with each node's full name ("噪声扰民 / 社会生活噪声 / 邻里噪声"): a
// parent sorts before its children.
std::vector<Category> WithFullNames(std::vector<Category> categories) {
  std::map<std::string, std::string> names;
  for (Category& category : categories) {
    const auto parent = category.parent_code ? names.find(*category.parent_code) : names.end();
    category.full_name = parent == names.end() ? category.name : parent->second + " / " + category.name;
    names[category.code] = category.full_name;
  }
  return categories;
}

}  // namespace

std::vector<Category> RequestService::ListLeaves(soci::session& sql) const {
  std::vector<Category> leaves;
  for (Category& category : WithFullNames(repository_.ListCategories(sql))) {
    if (IsLeafInUse(category)) leaves.push_back(std::move(category));
  }
  return leaves;
}

std::optional<Category> RequestService::FindLeaf(soci::session& sql, const std::string& code) const {
  auto category = repository_.FindCategoryByCode(sql, code);
  if (!category || !IsLeafInUse(*category)) return std::nullopt;
  return category;
}

// ---- catalogue, SLA classes and agencies ----

std::vector<Category> RequestService::ListCategories(const core::Actor& actor) const {
  core::RequirePermission(actor, "request:read");
  db::Session session(database_);
  return WithFullNames(repository_.ListCategories(session.sql()));
}

Category RequestService::CreateCategory(const core::Actor& actor, const NewCategory& input) const {
  core::RequirePermission(actor, "request:catalogue");
  if (!IsValidText(input.name, kMaxCategoryNameLength)) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_category_name");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  Category category;
  category.name = input.name;
  category.parent_code = input.parent_code;
  if (input.parent_code) {
    const auto parent = repository_.FindCategoryByCode(sql, *input.parent_code);
    if (!parent || parent->archived) throw AppError(ErrorKind::kInvalidArgument, "resident_request.unknown_category");
    if (parent->depth >= 5) throw AppError(ErrorKind::kInvalidArgument, "resident_request.category_too_deep");
    category.depth = parent->depth + 1;
  }
  category.owner_kind = input.owner_kind;
  category.agency_kind = input.agency_kind;
  category.sla_class = input.sla_class;
  if (!category.owner_kind || !category.sla_class) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_category_owner", "a new node is a leaf");
  }
  if (*category.owner_kind != "community" && *category.owner_kind != "street" && *category.owner_kind != "agency") {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_category_owner");
  }
  if ((*category.owner_kind == "agency") != category.agency_kind.has_value() ||
      (category.agency_kind && !repository_.IsAgencyKind(sql, *category.agency_kind))) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_category_owner", "agency_kind");
  }
  if (!repository_.FindSlaClass(sql, *category.sla_class)) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_sla_class");
  }
  category.code = repository_.NextCategoryCode(sql, category.parent_code);
  category.id = repository_.InsertCategory(sql, category);
  audit_.Record(sql, actor, {"request_category.create", "request_category", category.id, "ok", category.code});
  Category created = *repository_.FindCategory(sql, category.id);
  transaction.Commit();
  return created;
}

Category RequestService::UpdateCategory(const core::Actor& actor, std::int64_t id,
                                        const CategoryChanges& changes) const {
  core::RequirePermission(actor, "request:catalogue");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  auto found = repository_.FindCategory(sql, id);
  if (!found) throw AppError(ErrorKind::kNotFound, "resident_request.unknown_category");
  Category category = *found;
  if (changes.name) {
    if (!IsValidText(*changes.name, kMaxCategoryNameLength)) {
      throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_category_name");
    }
    category.name = *changes.name;
  }
  const bool routing_changed = changes.owner_kind || changes.agency_kind || changes.sla_class;
  if (routing_changed && !category.IsLeaf()) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_category_owner", "only a leaf is routed");
  }
  if (changes.owner_kind) category.owner_kind = *changes.owner_kind;
  if (changes.agency_kind) category.agency_kind = *changes.agency_kind;
  if (changes.owner_kind && *changes.owner_kind != "agency" && !changes.agency_kind) category.agency_kind.reset();
  if (changes.sla_class) category.sla_class = *changes.sla_class;
  if (category.IsLeaf()) {
    if (!category.owner_kind ||
        (*category.owner_kind != "community" && *category.owner_kind != "street" && *category.owner_kind != "agency") ||
        (*category.owner_kind == "agency") != category.agency_kind.has_value() ||
        (category.agency_kind && !repository_.IsAgencyKind(sql, *category.agency_kind))) {
      throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_category_owner");
    }
    if (!category.sla_class || !repository_.FindSlaClass(sql, *category.sla_class)) {
      throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_sla_class");
    }
  }
  std::optional<std::int64_t> archived_at;
  if (changes.archived.value_or(category.archived)) archived_at = clock_.NowSeconds();
  repository_.UpdateCategory(sql, category, archived_at);
  audit_.Record(sql, actor, {"request_category.update", "request_category", id, "ok", category.code});
  Category updated = *repository_.FindCategory(sql, id);
  transaction.Commit();
  return updated;
}

std::vector<SlaClass> RequestService::ListSlaClasses(const core::Actor& actor) const {
  core::RequirePermission(actor, "request:read");
  db::Session session(database_);
  return repository_.ListSlaClasses(session.sql());
}

SlaClass RequestService::UpdateSlaClass(const core::Actor& actor, const SlaClass& input) const {
  core::RequirePermission(actor, "request:catalogue");
  if (!IsValidText(input.name, 20) || input.sign_for_minutes <= 0 || input.contact_minutes <= 0 ||
      input.resolution_minutes <= 0 || input.warning_minutes < 0 || input.max_extension_days < 0 ||
      input.warning_minutes >= input.resolution_minutes) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_sla_class");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  if (!repository_.FindSlaClass(sql, input.code))
    throw AppError(ErrorKind::kNotFound, "resident_request.invalid_sla_class");
  repository_.UpdateSlaClass(sql, input);
  audit_.Record(sql, actor, {"request_sla_class.update", "request_sla_class", std::nullopt, "ok", input.code});
  SlaClass updated = *repository_.FindSlaClass(sql, input.code);
  transaction.Commit();
  return updated;
}

std::vector<AgencyKind> RequestService::ListAgencyKinds(const core::Actor& actor) const {
  core::RequirePermission(actor, "request:read");
  db::Session session(database_);
  return repository_.ListAgencyKinds(session.sql());
}

std::vector<Agency> RequestService::ListAgencies(const core::Actor& actor) const {
  core::RequirePermission(actor, "request:read");
  db::Session session(database_);
  return repository_.ListAgencies(session.sql(), core::OrgScope::Of(actor));
}

Agency RequestService::CreateAgency(const core::Actor& actor, const NewAgency& input) const {
  core::RequirePermission(actor, "org:write");
  if (!IsValidText(input.name, 100)) throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_agency");
  if (input.street_ids.empty())
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_agency", "street_ids");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const core::OrgScope scope = core::OrgScope::Of(actor);
  const org::Org parent = org_service_.RequireInScope(sql, scope, input.parent_org_id);
  if (parent.level != "district" || parent.archived) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_agency", "parent_org_id");
  }
  if (!repository_.IsAgencyKind(sql, input.kind)) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_agency", "kind");
  }
  const core::OrgScope district = *scope.Narrow(parent.path);
  for (const std::int64_t street_id : input.street_ids) {
    const auto street = org_service_.FindOrg(sql, street_id);
    if (!street || street->level != "street" || street->archived || !district.Contains(street->path)) {
      throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_agency", "street_ids");
    }
  }
  const org::Org agency =
      org_service_.SeedOrg(session, {parent.id, "agency", "branch", input.name, "", "", "", std::nullopt, ""});
  repository_.InsertAgency(sql, agency.id, input.kind, input.street_ids);
  audit_.Record(sql, actor, {"agency.create", "org", agency.id});
  transaction.Commit();
  db::Session reader(database_);
  for (Agency& listed : repository_.ListAgencies(reader.sql(), scope)) {
    if (listed.org.id == agency.id) return listed;
  }
  throw AppError(ErrorKind::kInternal, "server.internal", "the new agency is not listed");
}

// ---- requests ----

Request RequestService::FindVisible(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  auto found = repository_.Find(sql, id);
  if (!found) throw AppError(ErrorKind::kNotFound, "resident_request.not_found");
  const core::OrgScope scope = core::OrgScope::Of(actor);
  if (!scope.Contains(found->owner_path) && !scope.Contains(found->territory_path) &&
      !scope.Contains(found->first_receiver_path)) {
    throw core::OutOfScope("resident_request.not_found");
  }
  return std::move(*found);
}

Request RequestService::FindForOwner(soci::session& sql, const core::Actor& actor, std::int64_t id,
                                     std::initializer_list<std::string_view> states) const {
  Request request = FindVisible(sql, actor, id);
  if (request.owner.id != actor.org_id) {
    throw AppError(ErrorKind::kPermissionDenied, "resident_request.not_owner", "only the owning org acts on it");
  }
  if (std::find(states.begin(), states.end(), request.state) == states.end()) {
    throw AppError(ErrorKind::kConflict, "resident_request.wrong_state", request.state);
  }
  return request;
}

org::Org RequestService::StreetOf(soci::session& sql, const org::Org& territory) const {
  if (territory.level == "street") return territory;
  if (territory.parent_id) {
    auto parent = org_service_.FindOrg(sql, *territory.parent_id);
    if (parent && parent->level == "street") return *parent;
  }
  throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_territory", "a community under a street");
}

bool RequestService::IsValidOwner(soci::session& sql, const Request& request, std::int64_t org_id) const {
  const auto territory = org_service_.FindOrg(sql, request.territory.id);
  const org::Org street = StreetOf(sql, *territory);
  const auto target = org_service_.FindOrg(sql, org_id);
  if (!target || target->archived) return false;
  if (target->id == street.id) return true;
  if (target->level == "community") return target->parent_id == street.id;
  if (repository_.FindAgency(sql, target->id)) {
    return repository_.ServesStreetIn(sql, target->id, ScopeAt(street.path));
  }
  return false;
}

std::vector<OrgRef> RequestService::ListOwners(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "request:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  const Request request = FindVisible(sql, actor, id);
  const org::Org street = StreetOf(sql, *org_service_.FindOrg(sql, request.territory.id));
  std::vector<OrgRef> owners{{street.id, street.name, street.level}};
  for (const OrgRef& community : repository_.ListCommunitiesOf(sql, street.id)) owners.push_back(community);
  for (const Agency& agency : repository_.ListAgencies(sql, ScopeAt(street.path))) {
    owners.push_back(agency.org);
  }
  return owners;
}

std::pair<std::string, std::string> RequestService::GetResident(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "request:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Request request = FindVisible(sql, actor, id);
  const bool handles = request.owner.id == actor.org_id && actor.Can("request:handle");
  const bool took = request.first_receiver.id == actor.org_id && actor.Can("request:intake");
  if (!handles && !took) {
    throw AppError(ErrorKind::kPermissionDenied, "resident_request.not_owner", "the owner or the first receiver only");
  }
  const auto [name_cipher, phone_cipher] = repository_.FindCiphers(sql, id);
  std::pair<std::string, std::string> resident{name_cipher.empty() ? "" : cipher_.Decrypt(name_cipher).value_or(""),
                                               phone_cipher.empty() ? "" : cipher_.Decrypt(phone_cipher).value_or("")};
  audit_.Record(sql, actor, {"request.unmask", "request", id});
  transaction.Commit();
  return resident;
}

std::vector<std::int64_t> RequestService::TallyOrgsOf(const Request& request) {
  std::vector<std::int64_t> orgs = core::IdsOnPath(request.owner_path);
  for (const std::int64_t org : core::IdsOnPath(request.territory_path)) {
    if (std::find(orgs.begin(), orgs.end(), org) == orgs.end()) orgs.push_back(org);
  }
  return orgs;
}

void RequestService::ApplyTally(soci::session& sql, const std::optional<Request>& before, const Request& after) const {
  const std::set<std::string> now_items = ItemsOf(after);
  const auto after_orgs = TallyOrgsOf(after);
  if (!before) {
    for (const std::string& item : now_items) repository_.AddToTally(sql, after_orgs, after.received_month, item, 1);
    return;
  }
  const std::set<std::string> was_items = ItemsOf(*before);
  if (before->owner_path == after.owner_path) {
    for (const std::string& item : was_items) {
      if (!now_items.contains(item)) repository_.AddToTally(sql, after_orgs, after.received_month, item, -1);
    }
    for (const std::string& item : now_items) {
      if (!was_items.contains(item)) repository_.AddToTally(sql, after_orgs, after.received_month, item, 1);
    }
    return;
  }
  // Another owner: the request leaves the old owner's lineage and joins the new one's. Orgs on
  // both (the territory's lineage, the district, the city) see no change.
  const auto before_orgs = TallyOrgsOf(*before);
  std::vector<std::int64_t> left, joined;
  for (const std::int64_t org : before_orgs) {
    if (std::find(after_orgs.begin(), after_orgs.end(), org) == after_orgs.end()) left.push_back(org);
  }
  for (const std::int64_t org : after_orgs) {
    if (std::find(before_orgs.begin(), before_orgs.end(), org) == before_orgs.end()) joined.push_back(org);
  }
  std::vector<std::int64_t> shared;
  for (const std::int64_t org : after_orgs) {
    if (std::find(before_orgs.begin(), before_orgs.end(), org) != before_orgs.end()) shared.push_back(org);
  }
  for (const std::string& item : was_items) repository_.AddToTally(sql, left, before->received_month, item, -1);
  for (const std::string& item : now_items) repository_.AddToTally(sql, joined, after.received_month, item, 1);
  for (const std::string& item : was_items) {
    if (!now_items.contains(item)) repository_.AddToTally(sql, shared, after.received_month, item, -1);
  }
  for (const std::string& item : now_items) {
    if (!was_items.contains(item)) repository_.AddToTally(sql, shared, after.received_month, item, 1);
  }
}

void RequestService::Save(soci::session& sql, const core::Actor& actor, const Request& before, const Request& after,
                          const std::string& action) const {
  repository_.Save(sql, after, clock_.NowSeconds());
  ApplyTally(sql, before, after);
  audit_.Record(sql, actor, {action, "request", after.id});
}

void RequestService::Notify(soci::session& sql, std::int64_t org_id, const Request& request, const std::string& title,
                            const std::string& body) const {
  notification_service_.Notify(sql, {org_id, "request", title + "：" + request.title, body, Link(request.id)});
}

Request RequestService::Create(const core::Actor& actor, const NewRequest& input, const AlsoWrite& also) const {
  core::RequirePermission(actor, "request:intake");
  if (!IsChannel(input.channel)) throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_channel");
  if (!IsValidText(input.title, kMaxTitleLength))
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_title");
  if (!IsValidText(input.description, kMaxTextLength)) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_description");
  }
  if (core::CharacterCount(input.address) > kMaxAddressLength || !core::IsCleanText(input.address)) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_address");
  }
  if (core::CharacterCount(input.resident_name) > kMaxNameLength || !core::IsCleanText(input.resident_name)) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_resident_name");
  }
  const auto phone = NormaliseResidentPhone(input.resident_phone);
  if (!phone) throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_resident_phone");
  if ((input.latitude && (*input.latitude < -90 || *input.latitude > 90)) ||
      (input.longitude && (*input.longitude < -180 || *input.longitude > 180)) ||
      input.latitude.has_value() != input.longitude.has_value()) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_location");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto category = repository_.FindCategory(sql, input.category_id);
  if (!category || category->archived) throw AppError(ErrorKind::kInvalidArgument, "resident_request.unknown_category");
  if (!category->IsLeaf() || !category->owner_kind || !category->sla_class) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.category_not_leaf", category->code);
  }
  const core::OrgScope scope = core::OrgScope::Of(actor);
  const org::Org territory = org_service_.RequireInScope(sql, scope, input.territory_org_id);
  if ((territory.level != "community" && territory.level != "street") || territory.archived) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_territory");
  }
  const org::Org street = StreetOf(sql, territory);
  const SlaClass sla = *repository_.FindSlaClass(sql, *category->sla_class);
  const std::int64_t now = clock_.NowSeconds();

  Request request;
  request.channel = input.channel;
  request.category_id = category->id;
  request.title = input.title;
  request.description = input.description;
  request.address = input.address;
  request.latitude = input.latitude;
  request.longitude = input.longitude;
  request.resident_name_masked = MaskName(input.resident_name);
  request.resident_phone_masked = phone->empty() ? "" : MaskResidentPhone(*phone);
  request.territory = {territory.id, territory.name, territory.level};
  request.received_at = now;
  request.received_month = MonthOf(now);
  request.dispatched_at = now;
  request.sign_for_due = now + sla.sign_for_minutes * 60;
  request.contact_due = now + sla.contact_minutes * 60;
  request.resolution_due = now + sla.resolution_minutes * 60;

  // The owner: named by the receiver, or routed by the leaf's owner kind.
  std::int64_t owner_id = street.id;
  std::string routing;
  if (input.owner_org_id) {
    owner_id = *input.owner_org_id;
  } else if (*category->owner_kind == "community") {
    owner_id = territory.level == "community" ? territory.id : street.id;
  } else if (*category->owner_kind == "agency") {
    if (const auto agency = repository_.FindAgencyServing(sql, street.id, *category->agency_kind)) {
      owner_id = *agency;
    } else {
      routing = "本街道无对应派出机构，先派街道";
    }
  }
  request.territory_path = territory.path;
  if (!IsValidOwner(sql, request, owner_id))
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_owner");
  const org::Org owner = *org_service_.FindOrg(sql, owner_id);
  request.owner = {owner.id, owner.name, owner.level};
  request.owner_path = owner.path;
  request.state = owner.id == actor.org_id ? "in_hand" : "dispatched";
  if (owner.id == actor.org_id) request.signed_at = now;

  RequestRecord record;
  record.request = request;
  if (!input.resident_name.empty()) record.resident_name_cipher = cipher_.Encrypt(input.resident_name);
  if (!phone->empty()) record.resident_phone_cipher = cipher_.Encrypt(*phone);
  record.territory_org_id = territory.id;
  record.first_receiver_org_id = actor.org_id;
  record.owner_org_id = owner.id;
  request.id = repository_.Insert(sql, record, actor.user_id);
  if (request.signed_at) {
    repository_.Save(sql, request, now);
  }
  repository_.InsertStep(sql, request.id, "received", actor.org_id, actor.user_id, std::nullopt, input.channel, now);
  if (owner.id == actor.org_id) {
    repository_.InsertStep(sql, request.id, "signed", actor.org_id, actor.user_id, std::nullopt, "", now);
  } else {
    repository_.InsertStep(sql, request.id, "dispatched", actor.org_id, actor.user_id, owner.id, routing, now);
    Notify(sql, owner.id, request, "新工单",
           "请于 " + core::ChinaDateTime(request.sign_for_due) + " 前签收，" +
               core::ChinaDateTime(request.resolution_due) + " 前办结。");
  }
  const Request created = *repository_.Find(sql, request.id);
  ApplyTally(sql, std::nullopt, created);
  audit_.Record(sql, actor, {"request.create", "request", request.id});
  if (also) also(sql, created);
  transaction.Commit();
  return created;
}

RequestPage RequestService::List(const core::Actor& actor, const RequestFilter& filter) const {
  core::RequirePermission(actor, "request:read");
  if (filter.queue && !Queues().contains(*filter.queue)) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "queue");
  }
  if (filter.measure && !Measures().contains(*filter.measure)) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "measure");
  }
  if (filter.month && !IsMonth(*filter.month))
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "month");
  db::Session session(database_);
  const core::OrgScope scope = org_service_.ScopeOf(session.sql(), actor, filter.org_id);
  ListQuery query{scope};
  query.org_id = scope.RootId();
  query.queue = filter.queue;
  query.state = filter.state;
  query.month = filter.month;
  query.measure = filter.measure;
  query.category_code = filter.category_code;
  query.now = clock_.NowSeconds();
  query.offset = filter.offset;
  query.limit = filter.limit;
  return repository_.List(session.sql(), query);
}

RequestDetail RequestService::Get(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "request:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  RequestDetail detail;
  detail.request = FindVisible(sql, actor, id);
  detail.steps = repository_.ListSteps(sql, id);
  for (attachment::Attachment& file : attachment_store_.ListOfRequest(sql, id)) {
    if (!file.request_step_id) continue;  // an upload no note or reply has linked yet
    const auto step = std::find_if(detail.steps.begin(), detail.steps.end(),
                                   [&](const Step& each) { return each.id == *file.request_step_id; });
    if (step != detail.steps.end()) step->attachments.push_back(std::move(file));
  }
  detail.extensions = repository_.ListExtensions(sql, id);
  const Request& r = detail.request;
  const bool owner = r.owner.id == actor.org_id && actor.Can("request:handle");
  detail.can_sign = owner && r.state == "dispatched";
  detail.can_handle = owner && r.state == "in_hand";
  const bool pending = std::any_of(detail.extensions.begin(), detail.extensions.end(), [&](const Extension& x) {
    return x.state == "pending" && x.approver.id == actor.org_id;
  });
  detail.can_decide_extension = pending && actor.Can("request:handle");
  const bool receiver = r.first_receiver.id == actor.org_id && actor.Can("request:intake");
  detail.can_rate = receiver && r.state == "replied";
  detail.can_reopen = receiver && r.state == "closed" && r.satisfaction == "unsatisfied" && r.reopen_count == 0;
  if (const auto sla = repository_.FindSlaClass(sql, r.sla_class)) {
    detail.max_extension_days_left = std::max<std::int64_t>(0, sla->max_extension_days - r.extension_days);
  }
  return detail;
}

Request RequestService::Write(const core::Actor& actor, const std::string& action,
                              const std::function<Request(soci::session&)>& find, const Change& change) const {
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Request before = find(sql);
  const Request after = change(sql, before, clock_.NowSeconds());
  Save(sql, actor, before, after, action);
  Request saved = *repository_.Find(sql, before.id);
  transaction.Commit();
  return saved;
}

Request RequestService::FindForFirstReceiver(soci::session& sql, const core::Actor& actor, std::int64_t id,
                                             std::string_view state) const {
  Request request = FindVisible(sql, actor, id);
  if (request.first_receiver.id != actor.org_id) {
    throw AppError(ErrorKind::kPermissionDenied, "resident_request.not_first_receiver");
  }
  if (request.state != state) throw AppError(ErrorKind::kConflict, "resident_request.wrong_state", request.state);
  return request;
}

Request RequestService::HandOver(soci::session& sql, const Request& before, std::int64_t target_org_id, bool as_return,
                                 std::int64_t now) const {
  if (target_org_id == before.owner.id) throw AppError(ErrorKind::kInvalidArgument, "resident_request.return_to_self");
  if (!IsValidOwner(sql, before, target_org_id))
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_owner");
  const org::Org target = *org_service_.FindOrg(sql, target_org_id);
  const SlaClass sla = *repository_.FindSlaClass(sql, before.sla_class);
  Request after = before;
  after.owner = {target.id, target.name, target.level};
  after.owner_path = target.path;
  after.state = "dispatched";
  after.arrived_by_return = as_return;
  if (as_return) after.return_count += 1;
  after.dispatched_at = now;
  after.sign_for_due = now + sla.sign_for_minutes * 60;
  after.signed_at.reset();
  return after;
}

Request RequestService::Sign(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "request:handle");
  return Write(
      actor, "request.sign", [&](soci::session& sql) { return FindForOwner(sql, actor, id, {"dispatched"}); },
      [&](soci::session& sql, const Request& before, std::int64_t now) {
        Request after = before;
        after.state = "in_hand";
        after.signed_at = now;
        repository_.InsertStep(sql, id, "signed", actor.org_id, actor.user_id, std::nullopt, "", now);
        return after;
      });
}

Request RequestService::Dispatch(const core::Actor& actor, std::int64_t id, std::int64_t target_org_id,
                                 const std::string& text) const {
  core::RequirePermission(actor, "request:handle");
  if (core::CharacterCount(text) > kMaxTextLength)
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_text");
  return Write(
      actor, "request.dispatch",
      [&](soci::session& sql) {
        return FindForOwner(sql, actor, id, {"dispatched", "in_hand"});
      },
      [&](soci::session& sql, const Request& before, std::int64_t now) {
        const Request after = HandOver(sql, before, target_org_id, false, now);
        repository_.InsertStep(sql, id, "dispatched", actor.org_id, actor.user_id, target_org_id, text, now);
        Notify(sql, target_org_id, after, "新工单", before.owner.name + "派单：" + text);
        return after;
      });
}

Request RequestService::Return(const core::Actor& actor, std::int64_t id, std::optional<std::int64_t> target_org_id,
                               const std::string& reason) const {
  core::RequirePermission(actor, "request:handle");
  if (!target_org_id) throw AppError(ErrorKind::kInvalidArgument, "resident_request.return_owner_required");
  if (!IsValidText(reason, kMaxTextLength))
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_reason");
  return Write(
      actor, "request.return",
      [&](soci::session& sql) {
        return FindForOwner(sql, actor, id, {"dispatched", "in_hand"});
      },
      [&](soci::session& sql, const Request& before, std::int64_t now) {
        const Request after = HandOver(sql, before, *target_org_id, true, now);
        repository_.InsertStep(sql, id, "returned", actor.org_id, actor.user_id, *target_org_id, reason, now);
        Notify(sql, *target_org_id, after, "退回工单", before.owner.name + "退回，理由：" + reason);
        return after;
      });
}

Request RequestService::Contact(const core::Actor& actor, std::int64_t id, const std::string& text) const {
  core::RequirePermission(actor, "request:handle");
  if (!IsValidText(text, kMaxTextLength)) throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_text");
  return Write(
      actor, "request.contact", [&](soci::session& sql) { return FindForOwner(sql, actor, id, {"in_hand"}); },
      [&](soci::session& sql, const Request& before, std::int64_t now) {
        if (before.contacted_at) throw AppError(ErrorKind::kConflict, "resident_request.already_contacted");
        Request after = before;
        after.contacted_at = now;
        repository_.InsertStep(sql, id, "contacted", actor.org_id, actor.user_id, std::nullopt, text, now);
        return after;
      });
}

Request RequestService::AddNote(const core::Actor& actor, std::int64_t id, const std::string& text,
                                const std::vector<std::int64_t>& attachment_ids) const {
  core::RequirePermission(actor, "request:handle");
  if (!IsValidText(text, kMaxTextLength)) throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_text");
  if (attachment_ids.size() > kMaxAttachments) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.too_many_attachments");
  }
  return Write(
      actor, "request.note", [&](soci::session& sql) { return FindForOwner(sql, actor, id, {"in_hand"}); },
      [&](soci::session& sql, const Request& before, std::int64_t now) {
        const std::int64_t step =
            repository_.InsertStep(sql, id, "note", actor.org_id, actor.user_id, std::nullopt, text, now);
        attachment_store_.LinkToRequestStep(sql, attachment_ids, id, actor.org_id, step);
        return before;
      });
}

void RequestService::CheckCanAttach(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "request:handle");
  db::Session session(database_);
  FindForOwner(session.sql(), actor, id, {"in_hand"});
}

attachment::Attachment RequestService::Attach(const core::Actor& actor, std::int64_t id, std::string_view file_name,
                                              std::string_view content) const {
  core::RequirePermission(actor, "request:handle");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Request request = FindForOwner(sql, actor, id, {"in_hand"});
  auto saved =
      attachment_store_.Save(sql, actor, {actor.org_id, std::nullopt, std::nullopt, request.id}, file_name, content);
  audit_.Record(sql, actor, {"request.attach", "attachment", saved.attachment.id});
  transaction.Commit();
  saved.file.Keep();
  return saved.attachment;
}

std::pair<attachment::Attachment, std::string> RequestService::DownloadEvidence(const core::Actor& actor,
                                                                                std::int64_t id,
                                                                                std::int64_t attachment_id) const {
  core::RequirePermission(actor, "request:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  FindVisible(sql, actor, id);
  std::optional<attachment::Attachment> file = attachment_store_.Find(sql, attachment_id);
  if (!file || file->request_id != id || (!file->request_step_id && file->org_id != actor.org_id)) {
    throw AppError(ErrorKind::kNotFound, "attachment.not_found");
  }
  std::string content = attachment_store_.ReadContent(*file);
  return {std::move(*file), std::move(content)};
}

Request RequestService::AskExtension(const core::Actor& actor, std::int64_t id, std::int64_t days,
                                     const std::string& reason) const {
  core::RequirePermission(actor, "request:handle");
  if (days <= 0 || days > 365) throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_extension");
  if (!IsValidText(reason, kMaxTextLength))
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_reason");
  return Write(
      actor, "request.extension_ask", [&](soci::session& sql) { return FindForOwner(sql, actor, id, {"in_hand"}); },
      [&](soci::session& sql, const Request& before, std::int64_t now) {
        const auto extensions = repository_.ListExtensions(sql, id);
        if (std::any_of(extensions.begin(), extensions.end(),
                        [](const Extension& x) { return x.state == "pending"; })) {
          throw AppError(ErrorKind::kConflict, "resident_request.extension_pending");
        }
        const std::int64_t left = std::max<std::int64_t>(
            0, repository_.FindSlaClass(sql, before.sla_class)->max_extension_days - before.extension_days);
        if (days > left)
          throw AppError(ErrorKind::kInvalidArgument, "resident_request.extension_too_long", std::to_string(left));
        const org::Org owner = *org_service_.FindOrg(sql, before.owner.id);
        if (!owner.parent_id) {
          throw AppError(ErrorKind::kInvalidArgument, "resident_request.extension_too_long", "no org above");
        }
        repository_.InsertExtension(sql, id, owner.id, *owner.parent_id, days, reason, now);
        repository_.InsertStep(sql, id, "extension_asked", actor.org_id, actor.user_id, *owner.parent_id,
                               std::to_string(days) + " 天：" + reason, now);
        Notify(sql, *owner.parent_id, before, "延期申请",
               owner.name + "申请延期 " + std::to_string(days) + " 天：" + reason);
        return before;
      });
}

Request RequestService::DecideExtension(const core::Actor& actor, std::int64_t id, std::int64_t extension_id,
                                        bool approve, const std::string& text) const {
  core::RequirePermission(actor, "request:handle");
  if (core::CharacterCount(text) > kMaxTextLength)
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_text");
  return Write(
      actor, approve ? "request.extension_approve" : "request.extension_refuse",
      [&](soci::session& sql) { return FindVisible(sql, actor, id); },
      [&](soci::session& sql, const Request& before, std::int64_t now) {
        const auto extensions = repository_.ListExtensions(sql, id);
        const auto extension = std::find_if(extensions.begin(), extensions.end(),
                                            [&](const Extension& x) { return x.id == extension_id; });
        if (extension == extensions.end()) throw AppError(ErrorKind::kNotFound, "resident_request.extension_not_found");
        if (extension->approver.id != actor.org_id) {
          throw AppError(ErrorKind::kPermissionDenied, "resident_request.not_approver",
                         "the org above the owner decides");
        }
        if (extension->state != "pending") {
          throw AppError(ErrorKind::kConflict, "resident_request.wrong_state", extension->state);
        }
        Request after = before;
        if (approve) {
          after.resolution_due += extension->days * kDay;
          after.extension_days += extension->days;
          after.warned_at.reset();
          after.escalated_at.reset();
        }
        repository_.DecideExtension(sql, extension_id, approve ? "approved" : "refused", text, now);
        repository_.InsertStep(sql, id, approve ? "extension_approved" : "extension_refused", actor.org_id,
                               actor.user_id, extension->org.id, text, now);
        Notify(sql, extension->org.id, after, approve ? "延期已批准" : "延期未批准", text);
        return after;
      });
}

Request RequestService::Reply(const core::Actor& actor, std::int64_t id, const std::string& text,
                              const std::vector<std::int64_t>& attachment_ids) const {
  core::RequirePermission(actor, "request:handle");
  if (!IsValidText(text, kMaxTextLength)) throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_text");
  if (attachment_ids.size() > kMaxAttachments) {
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.too_many_attachments");
  }
  return Write(
      actor, "request.reply", [&](soci::session& sql) { return FindForOwner(sql, actor, id, {"in_hand"}); },
      [&](soci::session& sql, const Request& before, std::int64_t now) {
        Request after = before;
        if (!after.contacted_at) after.contacted_at = now;  // replying to the resident is a contact
        after.replied_at = now;
        after.reply = text;
        after.state = "replied";
        const std::int64_t step =
            repository_.InsertStep(sql, id, "replied", actor.org_id, actor.user_id, std::nullopt, text, now);
        attachment_store_.LinkToRequestStep(sql, attachment_ids, id, actor.org_id, step);
        Notify(sql, before.first_receiver.id, after, "工单已答复，待回访", before.owner.name + "：" + text);
        return after;
      });
}

Request RequestService::Rate(const core::Actor& actor, std::int64_t id, const std::string& satisfaction, bool resolved,
                             const std::string& text) const {
  core::RequirePermission(actor, "request:intake");
  if (!IsSatisfaction(satisfaction))
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_satisfaction");
  if (core::CharacterCount(text) > kMaxTextLength)
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_text");
  return Write(
      actor, "request.rate", [&](soci::session& sql) { return FindForFirstReceiver(sql, actor, id, "replied"); },
      [&](soci::session& sql, const Request& before, std::int64_t now) {
        Request after = before;
        after.satisfaction = satisfaction;
        after.resolved = resolved;
        after.rated_at = now;
        after.closed_at = now;
        after.state = "closed";
        const std::string label = satisfaction == "satisfied"             ? "满意"
                                  : satisfaction == "basically_satisfied" ? "基本满意"
                                                                          : "不满意";
        repository_.InsertStep(sql, id, "rated", actor.org_id, actor.user_id, std::nullopt,
                               label + (resolved ? "，已解决" : "，未解决") + (text.empty() ? "" : "：" + text), now);
        return after;
      });
}

Request RequestService::Reopen(const core::Actor& actor, std::int64_t id, const std::string& reason) const {
  core::RequirePermission(actor, "request:intake");
  if (!IsValidText(reason, kMaxTextLength))
    throw AppError(ErrorKind::kInvalidArgument, "resident_request.invalid_reason");
  return Write(
      actor, "request.reopen", [&](soci::session& sql) { return FindForFirstReceiver(sql, actor, id, "closed"); },
      [&](soci::session& sql, const Request& before, std::int64_t now) {
        if (before.satisfaction != "unsatisfied") {
          throw AppError(ErrorKind::kConflict, "resident_request.reopen_not_unsatisfied");
        }
        if (before.reopen_count > 0) throw AppError(ErrorKind::kConflict, "resident_request.reopen_limit");
        const SlaClass sla = *repository_.FindSlaClass(sql, before.sla_class);
        // Handled afresh: new clocks from now, the earlier handling and rating cleared.
        Request after = before;
        after.state = "dispatched";
        after.reopen_count = 1;
        after.dispatched_at = now;
        after.sign_for_due = now + sla.sign_for_minutes * 60;
        after.contact_due = now + sla.contact_minutes * 60;
        after.resolution_due = now + sla.resolution_minutes * 60;
        after.extension_days = 0;
        after.signed_at = after.contacted_at = after.replied_at = after.rated_at = after.closed_at = after.warned_at =
            after.escalated_at = std::nullopt;
        after.reply.clear();
        after.satisfaction.reset();
        after.resolved.reset();
        repository_.InsertStep(sql, id, "reopened", actor.org_id, actor.user_id, before.owner.id, reason, now);
        Notify(sql, before.owner.id, after, "工单重办", "居民不满意，请重办：" + reason);
        return after;
      });
}

Rates RequestService::GetRates(const core::Actor& actor, std::optional<std::int64_t> org_id,
                               const std::string& month) const {
  core::RequirePermission(actor, "request:read");
  if (!IsMonth(month)) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "month");
  db::Session session(database_);
  soci::session& sql = session.sql();
  const core::OrgScope scope = org_service_.ScopeOf(sql, actor, org_id);
  const org::Org org = *org_service_.FindOrg(sql, scope.RootId());
  Rates rates;
  rates.org = {org.id, org.name, org.level};
  rates.month = month;
  rates.tally = repository_.ReadTally(sql, org.id, month);
  rates.children = repository_.ReadChildTallies(sql, org.id, month);
  rates.trend = repository_.ReadTrend(sql, org.id, MonthsBefore(month, 11), month);
  return rates;
}

RequestSweepResult RequestService::Sweep() const {
  RequestSweepResult result;
  const std::int64_t now = clock_.NowSeconds();
  db::Session session(database_);
  soci::session& sql = session.sql();
  {
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    for (const Request& before : repository_.ListToWarn(sql, now, kSweepBatch)) {
      if (!repository_.MarkWarned(sql, before.id, now)) continue;  // another server's sweep did
      repository_.InsertStep(sql, before.id, "warned", before.owner.id, std::nullopt, std::nullopt,
                             core::ChinaDateTime(before.resolution_due), now);
      Notify(sql, before.owner.id, before, "工单即将超时",
             "请于 " + core::ChinaDateTime(before.resolution_due) + " 前办结答复。");
      ++result.warned;
    }
    for (const Request& before : repository_.ListToEscalate(sql, now, kSweepBatch)) {
      if (!repository_.MarkEscalated(sql, before.id, now)) continue;
      const org::Org owner = *org_service_.FindOrg(sql, before.owner.id);
      const std::int64_t above = owner.parent_id.value_or(owner.id);
      repository_.InsertStep(sql, before.id, "escalated", before.owner.id, std::nullopt, above,
                             core::ChinaDateTime(before.resolution_due), now);
      Notify(sql, above, before, "工单超时未办结",
             owner.name + "的工单已超过办结时限 " + core::ChinaDateTime(before.resolution_due) + "。");
      ++result.escalated;
    }
    transaction.Commit();
  }
  return result;
}

}  // namespace liandong::request
