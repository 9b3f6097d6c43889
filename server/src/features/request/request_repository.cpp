#include "features/request/request_repository.hpp"

#include <map>
#include <string_view>

#include "db/org_scope_binding.hpp"

namespace liandong::request {
namespace {

constexpr std::string_view kSelectRequests = R"sql(
  SELECT r.id, r.channel, r.category_id, c.code, c.name, COALESCE(c.sla_class, ''), r.title, r.description,
         r.address, r.latitude, r.longitude, r.resident_name_masked, r.resident_phone_masked,
         t.id, t.name, t.level, t.path, f.id, f.name, f.level, f.path, o.id, o.name, o.level, o.path,
         r.state, r.arrived_by_return, r.received_at, r.received_month, r.dispatched_at, r.sign_for_due,
         r.signed_at, r.contact_due, r.contacted_at, r.resolution_due, r.extension_days, r.replied_at, r.reply,
         r.satisfaction, r.resolved, r.rated_at, r.closed_at, r.return_count, r.reopen_count, r.warned_at,
         r.escalated_at
  FROM request r
  JOIN request_category c ON c.id = r.category_id
  JOIN org t ON t.id = r.territory_org_id
  JOIN org f ON f.id = r.first_receiver_org_id
  JOIN org o ON o.id = r.owner_org_id
)sql";
// Counts join only the org whose path bounds the list: a queue of one org needs neither.
constexpr std::string_view kCountRequests = "SELECT COUNT(*) FROM request r";
constexpr std::string_view kJoinTerritory = " JOIN org t ON t.id = r.territory_org_id";

// The requests behind each tally item: the SQL twin of ItemsOf in request_service.cpp.
const std::map<std::string, std::string_view>& MeasureConditions() {
  static const std::map<std::string, std::string_view> conditions = {
      {"received", "1 = 1"},
      {"responded", "r.contacted_at IS NOT NULL AND r.contacted_at <= r.contact_due"},
      {"replied", "r.replied_at IS NOT NULL"},
      {"on_time", "r.replied_at IS NOT NULL AND r.replied_at <= r.resolution_due"},
      {"rated", "r.rated_at IS NOT NULL"},
      {"resolved", "r.rated_at IS NOT NULL AND r.resolved = 1"},
      {"satisfied", "r.satisfaction = 'satisfied'"},
      {"basically_satisfied", "r.satisfaction = 'basically_satisfied'"},
      {"unsatisfied", "r.satisfaction = 'unsatisfied'"},
      {"returned", "r.return_count > 0"},
      {"reopened", "r.reopen_count > 0"},
  };
  return conditions;
}

struct RequestColumns {
  long long id = 0;
  std::string channel;
  long long category_id = 0;
  std::string category_code;
  std::string category_name;
  std::string sla_class;
  std::string title;
  std::string description;
  std::string address;
  double latitude = 0;
  soci::indicator latitude_indicator = soci::i_null;
  double longitude = 0;
  soci::indicator longitude_indicator = soci::i_null;
  std::string name_masked;
  std::string phone_masked;
  long long territory_id = 0;
  std::string territory_name, territory_level, territory_path;
  long long receiver_id = 0;
  std::string receiver_name, receiver_level, receiver_path;
  long long owner_id = 0;
  std::string owner_name, owner_level, owner_path;
  std::string state;
  long long arrived_by_return = 0;
  long long received_at = 0;
  std::string received_month;
  long long dispatched_at = 0;
  long long sign_for_due = 0;
  long long signed_at = 0;
  soci::indicator signed_indicator = soci::i_null;
  long long contact_due = 0;
  long long contacted_at = 0;
  soci::indicator contacted_indicator = soci::i_null;
  long long resolution_due = 0;
  long long extension_days = 0;
  long long replied_at = 0;
  soci::indicator replied_indicator = soci::i_null;
  std::string reply;
  std::string satisfaction;
  soci::indicator satisfaction_indicator = soci::i_null;
  long long resolved = 0;
  soci::indicator resolved_indicator = soci::i_null;
  long long rated_at = 0;
  soci::indicator rated_indicator = soci::i_null;
  long long closed_at = 0;
  soci::indicator closed_indicator = soci::i_null;
  long long return_count = 0;
  long long reopen_count = 0;
  long long warned_at = 0;
  soci::indicator warned_indicator = soci::i_null;
  long long escalated_at = 0;
  soci::indicator escalated_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(channel));
    statement.exchange(soci::into(category_id));
    statement.exchange(soci::into(category_code));
    statement.exchange(soci::into(category_name));
    statement.exchange(soci::into(sla_class));
    statement.exchange(soci::into(title));
    statement.exchange(soci::into(description));
    statement.exchange(soci::into(address));
    statement.exchange(soci::into(latitude, latitude_indicator));
    statement.exchange(soci::into(longitude, longitude_indicator));
    statement.exchange(soci::into(name_masked));
    statement.exchange(soci::into(phone_masked));
    statement.exchange(soci::into(territory_id));
    statement.exchange(soci::into(territory_name));
    statement.exchange(soci::into(territory_level));
    statement.exchange(soci::into(territory_path));
    statement.exchange(soci::into(receiver_id));
    statement.exchange(soci::into(receiver_name));
    statement.exchange(soci::into(receiver_level));
    statement.exchange(soci::into(receiver_path));
    statement.exchange(soci::into(owner_id));
    statement.exchange(soci::into(owner_name));
    statement.exchange(soci::into(owner_level));
    statement.exchange(soci::into(owner_path));
    statement.exchange(soci::into(state));
    statement.exchange(soci::into(arrived_by_return));
    statement.exchange(soci::into(received_at));
    statement.exchange(soci::into(received_month));
    statement.exchange(soci::into(dispatched_at));
    statement.exchange(soci::into(sign_for_due));
    statement.exchange(soci::into(signed_at, signed_indicator));
    statement.exchange(soci::into(contact_due));
    statement.exchange(soci::into(contacted_at, contacted_indicator));
    statement.exchange(soci::into(resolution_due));
    statement.exchange(soci::into(extension_days));
    statement.exchange(soci::into(replied_at, replied_indicator));
    statement.exchange(soci::into(reply));
    statement.exchange(soci::into(satisfaction, satisfaction_indicator));
    statement.exchange(soci::into(resolved, resolved_indicator));
    statement.exchange(soci::into(rated_at, rated_indicator));
    statement.exchange(soci::into(closed_at, closed_indicator));
    statement.exchange(soci::into(return_count));
    statement.exchange(soci::into(reopen_count));
    statement.exchange(soci::into(warned_at, warned_indicator));
    statement.exchange(soci::into(escalated_at, escalated_indicator));
  }

  static std::optional<std::int64_t> Optional(long long value, soci::indicator indicator) {
    return indicator == soci::i_ok ? std::optional<std::int64_t>(value) : std::nullopt;
  }

  Request ToRequest() const {
    Request r;
    r.id = id;
    r.channel = channel;
    r.category_id = category_id;
    r.category_code = category_code;
    r.category_name = category_name;
    r.sla_class = sla_class;
    r.title = title;
    r.description = description;
    r.address = address;
    if (latitude_indicator == soci::i_ok) r.latitude = latitude;
    if (longitude_indicator == soci::i_ok) r.longitude = longitude;
    r.resident_name_masked = name_masked;
    r.resident_phone_masked = phone_masked;
    r.territory = OrgRef{territory_id, territory_name, territory_level};
    r.territory_path = territory_path;
    r.first_receiver = OrgRef{receiver_id, receiver_name, receiver_level};
    r.first_receiver_path = receiver_path;
    r.owner = OrgRef{owner_id, owner_name, owner_level};
    r.owner_path = owner_path;
    r.state = state;
    r.arrived_by_return = arrived_by_return != 0;
    r.received_at = received_at;
    r.received_month = received_month;
    r.dispatched_at = dispatched_at;
    r.sign_for_due = sign_for_due;
    r.signed_at = Optional(signed_at, signed_indicator);
    r.contact_due = contact_due;
    r.contacted_at = Optional(contacted_at, contacted_indicator);
    r.resolution_due = resolution_due;
    r.extension_days = extension_days;
    r.replied_at = Optional(replied_at, replied_indicator);
    r.reply = reply;
    if (satisfaction_indicator == soci::i_ok) r.satisfaction = satisfaction;
    if (resolved_indicator == soci::i_ok) r.resolved = resolved != 0;
    r.rated_at = Optional(rated_at, rated_indicator);
    r.closed_at = Optional(closed_at, closed_indicator);
    r.return_count = return_count;
    r.reopen_count = reopen_count;
    r.warned_at = Optional(warned_at, warned_indicator);
    r.escalated_at = Optional(escalated_at, escalated_indicator);
    return r;
  }
};

std::vector<Request> ReadRequests(soci::statement& statement, RequestColumns& columns) {
  std::vector<Request> requests;
  if (statement.execute(true)) {
    do {
      requests.push_back(columns.ToRequest());
    } while (statement.fetch());
  }
  return requests;
}

struct CategoryColumns {
  long long id = 0;
  std::string code;
  std::string parent_code;
  soci::indicator parent_indicator = soci::i_null;
  std::string name;
  int depth = 0;
  std::string owner_kind;
  soci::indicator owner_indicator = soci::i_null;
  std::string agency_kind;
  soci::indicator agency_indicator = soci::i_null;
  std::string sla_class;
  soci::indicator sla_indicator = soci::i_null;
  long long archived_at = 0;
  soci::indicator archived_indicator = soci::i_null;
  long long child_count = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(code));
    statement.exchange(soci::into(parent_code, parent_indicator));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(depth));
    statement.exchange(soci::into(owner_kind, owner_indicator));
    statement.exchange(soci::into(agency_kind, agency_indicator));
    statement.exchange(soci::into(sla_class, sla_indicator));
    statement.exchange(soci::into(archived_at, archived_indicator));
    statement.exchange(soci::into(child_count));
  }

  Category ToCategory() const {
    Category c;
    c.id = id;
    c.code = code;
    if (parent_indicator == soci::i_ok) c.parent_code = parent_code;
    c.name = name;
    c.depth = depth;
    if (owner_indicator == soci::i_ok) c.owner_kind = owner_kind;
    if (agency_indicator == soci::i_ok) c.agency_kind = agency_kind;
    if (sla_indicator == soci::i_ok) c.sla_class = sla_class;
    c.archived = archived_indicator == soci::i_ok;
    c.child_count = child_count;
    return c;
  }
};

constexpr std::string_view kSelectCategories = R"sql(
  SELECT c.id, c.code, c.parent_code, c.name, c.depth, c.owner_kind, c.agency_kind, c.sla_class, c.archived_at,
         (SELECT COUNT(*) FROM request_category k WHERE k.parent_code = c.code AND k.archived_at IS NULL)
  FROM request_category c
)sql";

std::vector<Category> ReadCategories(soci::session& sql, const std::string& query,
                                     const std::optional<std::string>& key_text, std::optional<long long> key_id) {
  CategoryColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  if (key_text) statement.exchange(soci::use(*key_text, "key"));
  if (key_id) statement.exchange(soci::use(*key_id, "key"));
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  std::vector<Category> categories;
  if (statement.execute(true)) {
    do {
      categories.push_back(columns.ToCategory());
    } while (statement.fetch());
  }
  return categories;
}

std::optional<std::int64_t> OptionalId(long long value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional<std::int64_t>(value) : std::nullopt;
}

}  // namespace

void AddToTallyField(Tally& tally, const std::string& item, std::int64_t count) {
  if (item == "received")
    tally.received += count;
  else if (item == "responded")
    tally.responded += count;
  else if (item == "replied")
    tally.replied += count;
  else if (item == "on_time")
    tally.on_time += count;
  else if (item == "rated")
    tally.rated += count;
  else if (item == "resolved")
    tally.resolved += count;
  else if (item == "satisfied")
    tally.satisfied += count;
  else if (item == "basically_satisfied")
    tally.basically_satisfied += count;
  else if (item == "unsatisfied")
    tally.unsatisfied += count;
  else if (item == "returned")
    tally.returned += count;
  else if (item == "reopened")
    tally.reopened += count;
}

std::vector<SlaClass> RequestRepository::ListSlaClasses(soci::session& sql) const {
  std::vector<SlaClass> classes;
  SlaClass row;
  long long sign_for = 0, contact = 0, resolution = 0, warning = 0, extension = 0;
  soci::statement statement =
      (sql.prepare << "SELECT code, name, sign_for_minutes, contact_minutes, resolution_minutes, warning_minutes, "
                      "max_extension_days FROM request_sla_class ORDER BY sort_order, code",
       soci::into(row.code), soci::into(row.name), soci::into(sign_for), soci::into(contact), soci::into(resolution),
       soci::into(warning), soci::into(extension));
  if (statement.execute(true)) {
    do {
      row.sign_for_minutes = sign_for;
      row.contact_minutes = contact;
      row.resolution_minutes = resolution;
      row.warning_minutes = warning;
      row.max_extension_days = extension;
      classes.push_back(row);
    } while (statement.fetch());
  }
  return classes;
}

std::optional<SlaClass> RequestRepository::FindSlaClass(soci::session& sql, const std::string& code) const {
  for (SlaClass& sla_class : ListSlaClasses(sql)) {
    if (sla_class.code == code) return std::move(sla_class);
  }
  return std::nullopt;
}

void RequestRepository::UpdateSlaClass(soci::session& sql, const SlaClass& c) const {
  const long long sign_for = c.sign_for_minutes, contact = c.contact_minutes, resolution = c.resolution_minutes,
                  warning = c.warning_minutes, extension = c.max_extension_days;
  sql << "UPDATE request_sla_class SET name = :name, sign_for_minutes = :sign_for, contact_minutes = :contact, "
         "resolution_minutes = :resolution, warning_minutes = :warning, max_extension_days = :extension "
         "WHERE code = :code",
      soci::use(c.name, "name"), soci::use(sign_for, "sign_for"), soci::use(contact, "contact"),
      soci::use(resolution, "resolution"), soci::use(warning, "warning"), soci::use(extension, "extension"),
      soci::use(c.code, "code");
}

std::vector<Category> RequestRepository::ListCategories(soci::session& sql) const {
  return ReadCategories(sql, std::string(kSelectCategories) + " ORDER BY c.code", std::nullopt, std::nullopt);
}

std::optional<Category> RequestRepository::FindCategory(soci::session& sql, std::int64_t id) const {
  auto found = ReadCategories(sql, std::string(kSelectCategories) + " WHERE c.id = :key", std::nullopt, id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<Category> RequestRepository::FindCategoryByCode(soci::session& sql, const std::string& code) const {
  auto found = ReadCategories(sql, std::string(kSelectCategories) + " WHERE c.code = :key", code, std::nullopt);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::string RequestRepository::NextCategoryCode(soci::session& sql,
                                                const std::optional<std::string>& parent_code) const {
  long long largest = 0;
  soci::indicator indicator = soci::i_null;
  std::string parent = parent_code.value_or("");
  // Codes are zero-padded two-digit steps, so that the largest sorts last as text.
  std::string code;
  if (parent_code) {
    sql << "SELECT MAX(code) FROM request_category WHERE parent_code = :parent", soci::use(parent, "parent"),
        soci::into(code, indicator);
  } else {
    sql << "SELECT MAX(code) FROM request_category WHERE parent_code IS NULL", soci::into(code, indicator);
  }
  if (indicator == soci::i_ok)
    largest = std::stoll(code.substr(code.rfind('.') == std::string::npos ? 0 : code.rfind('.') + 1));
  std::string step = std::to_string(largest + 1);
  if (step.size() < 2) step = "0" + step;
  return parent_code ? *parent_code + "." + step : step;
}

std::int64_t RequestRepository::InsertCategory(soci::session& sql, const Category& c) const {
  const int depth = c.depth;
  soci::indicator parent = c.parent_code ? soci::i_ok : soci::i_null;
  soci::indicator owner = c.owner_kind ? soci::i_ok : soci::i_null;
  soci::indicator agency = c.agency_kind ? soci::i_ok : soci::i_null;
  soci::indicator sla = c.sla_class ? soci::i_ok : soci::i_null;
  const std::string parent_code = c.parent_code.value_or(""), owner_kind = c.owner_kind.value_or(""),
                    agency_kind = c.agency_kind.value_or(""), sla_class = c.sla_class.value_or("");
  long long sort_order = std::stoll(c.code.substr(c.code.rfind('.') == std::string::npos ? 0 : c.code.rfind('.') + 1));
  long long id = 0;
  sql << "INSERT INTO request_category (code, parent_code, name, depth, owner_kind, agency_kind, sla_class, "
         "sort_order) VALUES (:code, :parent_code, :name, :depth, :owner_kind, :agency_kind, :sla_class, :sort_order) "
         "RETURNING id",
      soci::use(c.code, "code"), soci::use(parent_code, parent, "parent_code"), soci::use(c.name, "name"),
      soci::use(depth, "depth"), soci::use(owner_kind, owner, "owner_kind"),
      soci::use(agency_kind, agency, "agency_kind"), soci::use(sla_class, sla, "sla_class"),
      soci::use(sort_order, "sort_order"), soci::into(id);
  return id;
}

void RequestRepository::UpdateCategory(soci::session& sql, const Category& c,
                                       std::optional<std::int64_t> archived_at) const {
  soci::indicator owner = c.owner_kind ? soci::i_ok : soci::i_null;
  soci::indicator agency = c.agency_kind ? soci::i_ok : soci::i_null;
  soci::indicator sla = c.sla_class ? soci::i_ok : soci::i_null;
  soci::indicator archived = archived_at ? soci::i_ok : soci::i_null;
  const std::string owner_kind = c.owner_kind.value_or(""), agency_kind = c.agency_kind.value_or(""),
                    sla_class = c.sla_class.value_or("");
  const long long archived_value = archived_at.value_or(0);
  const long long id = c.id;
  sql << "UPDATE request_category SET name = :name, owner_kind = :owner_kind, agency_kind = :agency_kind, "
         "sla_class = :sla_class, archived_at = :archived_at WHERE id = :id",
      soci::use(c.name, "name"), soci::use(owner_kind, owner, "owner_kind"),
      soci::use(agency_kind, agency, "agency_kind"), soci::use(sla_class, sla, "sla_class"),
      soci::use(archived_value, archived, "archived_at"), soci::use(id, "id");
}

std::vector<AgencyKind> RequestRepository::ListAgencyKinds(soci::session& sql) const {
  std::vector<AgencyKind> kinds;
  AgencyKind row;
  soci::statement statement = (sql.prepare << "SELECT code, name, department FROM agency_kind ORDER BY sort_order",
                               soci::into(row.code), soci::into(row.name), soci::into(row.department));
  if (statement.execute(true)) {
    do {
      kinds.push_back(row);
    } while (statement.fetch());
  }
  return kinds;
}

bool RequestRepository::IsAgencyKind(soci::session& sql, const std::string& code) const {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM agency_kind WHERE code = :code", soci::use(code, "code"), soci::into(count);
  return count > 0;
}

std::vector<Agency> RequestRepository::ListAgencies(soci::session& sql, const core::OrgScope& scope) const {
  // Agencies in the scope, or serving a street in it; then each one's streets, those in the scope
  // only unless the agency itself lies in it.
  constexpr std::string_view kQuery = R"sql(
    SELECT a.org_id, o.name, o.level, o.path, a.kind, k.name, k.department
    FROM agency a JOIN org o ON o.id = a.org_id JOIN agency_kind k ON k.code = a.kind
    WHERE o.archived_at IS NULL AND ((o.path >= :scope AND o.path < :scope_end) OR EXISTS (
      SELECT 1 FROM agency_street s JOIN org t ON t.id = s.street_org_id
      WHERE s.agency_org_id = a.org_id AND t.path >= :scope2 AND t.path < :scope_end2))
    ORDER BY k.sort_order, o.name
  )sql";
  std::vector<Agency> agencies;
  std::vector<std::string> paths;
  long long id = 0;
  Agency row;
  std::string path;
  soci::statement statement =
      (sql.prepare << kQuery, db::UseScope{scope}, soci::use(scope.Path(), "scope2"),
       soci::use(scope.End(), "scope_end2"), soci::into(id), soci::into(row.org.name), soci::into(row.org.level),
       soci::into(path), soci::into(row.kind), soci::into(row.kind_name), soci::into(row.department));
  if (statement.execute(true)) {
    do {
      row.org.id = id;
      agencies.push_back(row);
      paths.push_back(path);
    } while (statement.fetch());
  }
  for (std::size_t i = 0; i < agencies.size(); ++i) {
    Agency& agency = agencies[i];
    const bool whole = scope.Contains(paths[i]);
    long long agency_id = agency.org.id, street_id = 0;
    OrgRef street;
    std::string street_path;
    soci::statement streets =
        (sql.prepare << "SELECT t.id, t.name, t.level, t.path FROM agency_street s "
                        "JOIN org t ON t.id = s.street_org_id WHERE s.agency_org_id = :id ORDER BY t.path",
         soci::use(agency_id, "id"), soci::into(street_id), soci::into(street.name), soci::into(street.level),
         soci::into(street_path));
    if (streets.execute(true)) {
      do {
        street.id = street_id;
        if (whole || scope.Contains(street_path)) agency.streets.push_back(street);
      } while (streets.fetch());
    }
  }
  return agencies;
}

std::optional<Agency> RequestRepository::FindAgency(soci::session& sql, std::int64_t org_id) const {
  const long long key = org_id;
  Agency agency;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT o.name, o.level, a.kind, k.name, k.department FROM agency a JOIN org o ON o.id = a.org_id "
         "JOIN agency_kind k ON k.code = a.kind WHERE a.org_id = :id",
      soci::use(key, "id"), soci::into(agency.org.name, indicator), soci::into(agency.org.level),
      soci::into(agency.kind), soci::into(agency.kind_name), soci::into(agency.department);
  if (indicator != soci::i_ok) return std::nullopt;
  agency.org.id = org_id;
  return agency;
}

std::optional<std::int64_t> RequestRepository::FindAgencyServing(soci::session& sql, std::int64_t street_id,
                                                                 const std::string& kind) const {
  const long long street = street_id;
  long long id = 0;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT MIN(a.org_id) FROM agency_street s JOIN agency a ON a.org_id = s.agency_org_id "
         "JOIN org o ON o.id = a.org_id WHERE s.street_org_id = :street AND a.kind = :kind AND o.archived_at IS NULL",
      soci::use(street, "street"), soci::use(kind, "kind"), soci::into(id, indicator);
  return OptionalId(id, indicator);
}

bool RequestRepository::ServesStreetIn(soci::session& sql, std::int64_t agency_org_id,
                                       const core::OrgScope& scope) const {
  const long long agency = agency_org_id;
  long long count = 0;
  sql << "SELECT COUNT(*) FROM agency_street s JOIN org t ON t.id = s.street_org_id "
         "WHERE s.agency_org_id = :agency AND t.path >= :scope AND t.path < :scope_end",
      soci::use(agency, "agency"), db::UseScope{scope}, soci::into(count);
  return count > 0;
}

std::vector<OrgRef> RequestRepository::ListCommunitiesOf(soci::session& sql, std::int64_t street_id) const {
  const long long key = street_id;
  std::vector<OrgRef> communities;
  long long id = 0;
  OrgRef row;
  soci::statement statement =
      (sql.prepare << "SELECT id, name, level FROM org WHERE parent_id = :id AND level = 'community' "
                      "AND archived_at IS NULL ORDER BY path",
       soci::use(key, "id"), soci::into(id), soci::into(row.name), soci::into(row.level));
  if (statement.execute(true)) {
    do {
      row.id = id;
      communities.push_back(row);
    } while (statement.fetch());
  }
  return communities;
}

void RequestRepository::InsertAgency(soci::session& sql, std::int64_t org_id, const std::string& kind,
                                     const std::vector<std::int64_t>& street_ids) const {
  long long id = org_id;
  sql << "INSERT INTO agency (org_id, kind) VALUES (:id, :kind)", soci::use(id, "id"), soci::use(kind, "kind");
  for (const std::int64_t street_id : street_ids) {
    long long street = street_id;
    sql << "INSERT INTO agency_street (agency_org_id, street_org_id) VALUES (:id, :street)", soci::use(id, "id"),
        soci::use(street, "street");
  }
}

std::int64_t RequestRepository::Insert(soci::session& sql, const RequestRecord& record,
                                       std::optional<std::int64_t> user_id) const {
  const Request& r = record.request;
  const long long category_id = r.category_id, territory = record.territory_org_id,
                  receiver = record.first_receiver_org_id, owner = record.owner_org_id, received_at = r.received_at,
                  dispatched_at = r.dispatched_at, sign_for_due = r.sign_for_due, contact_due = r.contact_due,
                  resolution_due = r.resolution_due, user = user_id.value_or(0);
  const double latitude = r.latitude.value_or(0), longitude = r.longitude.value_or(0);
  soci::indicator latitude_indicator = r.latitude ? soci::i_ok : soci::i_null;
  soci::indicator longitude_indicator = r.longitude ? soci::i_ok : soci::i_null;
  soci::indicator user_indicator = user_id ? soci::i_ok : soci::i_null;
  long long id = 0;
  sql << R"sql(
    INSERT INTO request (channel, category_id, title, description, address, latitude, longitude,
                         resident_name_cipher, resident_name_masked, resident_phone_cipher, resident_phone_masked,
                         territory_org_id, first_receiver_org_id, owner_org_id, state, received_at, received_month,
                         dispatched_at, sign_for_due, contact_due, resolution_due, created_by, updated_at)
    VALUES (:channel, :category_id, :title, :description, :address, :latitude, :longitude, :name_cipher,
            :name_masked, :phone_cipher, :phone_masked, :territory, :receiver, :owner, :state, :received_at,
            :received_month, :dispatched_at, :sign_for_due, :contact_due, :resolution_due, :created_by, :updated_at)
    RETURNING id
  )sql",
      soci::use(r.channel, "channel"), soci::use(category_id, "category_id"), soci::use(r.title, "title"),
      soci::use(r.description, "description"), soci::use(r.address, "address"),
      soci::use(latitude, latitude_indicator, "latitude"), soci::use(longitude, longitude_indicator, "longitude"),
      soci::use(record.resident_name_cipher, "name_cipher"), soci::use(r.resident_name_masked, "name_masked"),
      soci::use(record.resident_phone_cipher, "phone_cipher"), soci::use(r.resident_phone_masked, "phone_masked"),
      soci::use(territory, "territory"), soci::use(receiver, "receiver"), soci::use(owner, "owner"),
      soci::use(r.state, "state"), soci::use(received_at, "received_at"), soci::use(r.received_month, "received_month"),
      soci::use(dispatched_at, "dispatched_at"), soci::use(sign_for_due, "sign_for_due"),
      soci::use(contact_due, "contact_due"), soci::use(resolution_due, "resolution_due"),
      soci::use(user, user_indicator, "created_by"), soci::use(received_at, "updated_at"), soci::into(id);
  return id;
}

std::optional<Request> RequestRepository::Find(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  RequestColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  statement.exchange(soci::use(key, "id"));
  statement.alloc();
  statement.prepare(std::string(kSelectRequests) + " WHERE r.id = :id");
  statement.define_and_bind();
  auto found = ReadRequests(statement, columns);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::pair<std::string, std::string> RequestRepository::FindCiphers(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  std::string name, phone;
  sql << "SELECT resident_name_cipher, resident_phone_cipher FROM request WHERE id = :id", soci::use(key, "id"),
      soci::into(name), soci::into(phone);
  return {name, phone};
}

std::vector<std::tuple<std::int64_t, std::string, std::string>> RequestRepository::ListSealedResidents(
    soci::session& sql) const {
  std::vector<std::tuple<std::int64_t, std::string, std::string>> rows;
  long long id = 0;
  std::string name, phone;
  soci::statement statement =
      (sql.prepare << "SELECT id, resident_name_cipher, resident_phone_cipher FROM request "
                      "WHERE resident_name_cipher <> '' OR resident_phone_cipher <> '' ORDER BY id",
       soci::into(id), soci::into(name), soci::into(phone));
  if (statement.execute(true)) {
    do {
      rows.emplace_back(id, name, phone);
    } while (statement.fetch());
  }
  return rows;
}

void RequestRepository::UpdateSealedResident(soci::session& sql, std::int64_t id, const std::string& name,
                                             const std::string& phone) const {
  const long long key = id;
  sql << "UPDATE request SET resident_name_cipher = :name, resident_phone_cipher = :phone WHERE id = :id",
      soci::use(name, "name"), soci::use(phone, "phone"), soci::use(key, "id");
}

void RequestRepository::Save(soci::session& sql, const Request& r, std::int64_t now) const {
  const long long id = r.id, owner = r.owner.id, arrived = r.arrived_by_return ? 1 : 0, dispatched_at = r.dispatched_at,
                  sign_for_due = r.sign_for_due, contact_due = r.contact_due, resolution_due = r.resolution_due,
                  extension_days = r.extension_days, return_count = r.return_count, reopen_count = r.reopen_count,
                  updated_at = now;
  const long long signed_at = r.signed_at.value_or(0), contacted_at = r.contacted_at.value_or(0),
                  replied_at = r.replied_at.value_or(0), resolved = r.resolved.value_or(false) ? 1 : 0,
                  rated_at = r.rated_at.value_or(0), closed_at = r.closed_at.value_or(0),
                  warned_at = r.warned_at.value_or(0), escalated_at = r.escalated_at.value_or(0);
  const std::string satisfaction = r.satisfaction.value_or("");
  auto indicator = [](bool set) { return set ? soci::i_ok : soci::i_null; };
  soci::indicator signed_i = indicator(r.signed_at.has_value()), contacted_i = indicator(r.contacted_at.has_value()),
                  replied_i = indicator(r.replied_at.has_value()),
                  satisfaction_i = indicator(r.satisfaction.has_value()),
                  resolved_i = indicator(r.resolved.has_value()), rated_i = indicator(r.rated_at.has_value()),
                  closed_i = indicator(r.closed_at.has_value()), warned_i = indicator(r.warned_at.has_value()),
                  escalated_i = indicator(r.escalated_at.has_value());
  sql << R"sql(
    UPDATE request SET owner_org_id = :owner, state = :state, arrived_by_return = :arrived,
      dispatched_at = :dispatched_at, sign_for_due = :sign_for_due, signed_at = :signed_at,
      contact_due = :contact_due, contacted_at = :contacted_at, resolution_due = :resolution_due,
      extension_days = :extension_days, replied_at = :replied_at, reply = :reply, satisfaction = :satisfaction,
      resolved = :resolved, rated_at = :rated_at, closed_at = :closed_at, return_count = :return_count,
      reopen_count = :reopen_count, warned_at = :warned_at, escalated_at = :escalated_at, updated_at = :updated_at
    WHERE id = :id
  )sql",
      soci::use(owner, "owner"), soci::use(r.state, "state"), soci::use(arrived, "arrived"),
      soci::use(dispatched_at, "dispatched_at"), soci::use(sign_for_due, "sign_for_due"),
      soci::use(signed_at, signed_i, "signed_at"), soci::use(contact_due, "contact_due"),
      soci::use(contacted_at, contacted_i, "contacted_at"), soci::use(resolution_due, "resolution_due"),
      soci::use(extension_days, "extension_days"), soci::use(replied_at, replied_i, "replied_at"),
      soci::use(r.reply, "reply"), soci::use(satisfaction, satisfaction_i, "satisfaction"),
      soci::use(resolved, resolved_i, "resolved"), soci::use(rated_at, rated_i, "rated_at"),
      soci::use(closed_at, closed_i, "closed_at"), soci::use(return_count, "return_count"),
      soci::use(reopen_count, "reopen_count"), soci::use(warned_at, warned_i, "warned_at"),
      soci::use(escalated_at, escalated_i, "escalated_at"), soci::use(updated_at, "updated_at"), soci::use(id, "id");
}

RequestPage RequestRepository::List(soci::session& sql, const ListQuery& query) const {
  // Conditions and their values, in order: the same for the page and its count.
  std::string where;
  bool scoped_by_org_path = true;
  const long long org_id = query.org_id, now = query.now;
  if (query.queue) {
    const std::string& queue = *query.queue;
    if (queue == "to_sign") {
      where = " WHERE r.owner_org_id = :org_id AND r.state = 'dispatched'";
    } else if (queue == "in_hand") {
      where = " WHERE r.owner_org_id = :org_id AND r.state = 'in_hand'";
    } else if (queue == "overdue") {
      where = " WHERE r.owner_org_id = :org_id AND r.state IN ('dispatched', 'in_hand') AND r.resolution_due < :now";
    } else if (queue == "returned") {
      where = " WHERE r.owner_org_id = :org_id AND r.state IN ('dispatched', 'in_hand') AND r.arrived_by_return = 1";
    } else if (queue == "to_rate") {
      where = " WHERE r.first_receiver_org_id = :org_id AND r.state = 'replied'";
    } else if (queue == "taken") {
      where = " WHERE r.first_receiver_org_id = :org_id";
    } else if (queue == "territory") {
      where = " WHERE t.path >= :scope AND t.path < :scope_end";
    } else {  // extensions: a pending extension awaits this org's decision
      where =
          " WHERE EXISTS (SELECT 1 FROM request_extension x WHERE x.request_id = r.id "
          "AND x.approver_org_id = :org_id AND x.state = 'pending')";
    }
    // The queue's org was checked to lie in the scope; a territory is bound by the scope itself.
    scoped_by_org_path = false;
    if (queue == "territory") scoped_by_org_path = true;
  } else if (query.scope.IsWholeTree()) {
    // The whole city: every request, with no subtree to test row by row (the city's drill-down
    // walked a month's requests twice, testing each against 100,000 orgs: over 2 s a page).
    where = " WHERE 1 = 1";
    scoped_by_org_path = false;
  } else {
    // What the subtree counts (RequestService::TallyOrgsOf): requests owned there, or asked there.
    where =
        " WHERE (r.owner_org_id IN (SELECT id FROM org WHERE path >= :scope AND path < :scope_end)"
        " OR r.territory_org_id IN (SELECT id FROM org WHERE path >= :territory_scope AND path < "
        ":territory_scope_end))";
  }
  if (query.state) where += " AND r.state = :state";
  if (query.month) where += " AND r.received_month = :month";
  if (query.measure) where += " AND " + std::string(MeasureConditions().at(*query.measure));
  std::string code_prefix;
  if (query.category_code) {
    code_prefix = *query.category_code + "%";
    where += " AND r.category_id IN (SELECT id FROM request_category WHERE code LIKE :code_prefix)";
  }
  const bool uses_now = query.queue && *query.queue == "overdue";
  auto bind = [&](soci::statement& statement) {
    if (query.queue && *query.queue != "territory") statement.exchange(soci::use(org_id, "org_id"));
    if (uses_now) statement.exchange(soci::use(now, "now"));
    if (scoped_by_org_path) db::BindScope(statement, query.scope);
    if (!query.queue && scoped_by_org_path) {
      statement.exchange(soci::use(query.scope.Path(), "territory_scope"));
      statement.exchange(soci::use(query.scope.End(), "territory_scope_end"));
    }
    if (query.state) statement.exchange(soci::use(*query.state, "state"));
    if (query.month) statement.exchange(soci::use(*query.month, "month"));
    if (query.category_code) statement.exchange(soci::use(code_prefix, "code_prefix"));
  };
  RequestPage page;
  if (!query.queue && query.month && query.measure && !query.state && !query.category_code) {
    // A figure of the rates drills down to its requests: the tally kept with every change counts
    // the same requests (the subtree's owned or asked there, by the month received) as the rows.
    long long total = 0;
    sql << "SELECT count FROM request_tally WHERE org_id = :org_id AND month = :month AND item = :item",
        soci::use(org_id, "org_id"), soci::use(*query.month, "month"), soci::use(*query.measure, "item"),
        soci::into(total);
    page.total = total;  // no row: none
  } else {
    long long total = 0;
    soci::statement statement(sql);
    statement.exchange(soci::into(total));
    bind(statement);
    statement.alloc();
    std::string count(kCountRequests);
    if (query.queue && *query.queue == "territory") count += kJoinTerritory;
    statement.prepare(count + where);
    statement.define_and_bind();
    statement.execute(true);
    page.total = total;
  }
  if (page.total <= query.offset) return page;
  const long long limit = query.limit, offset = query.offset;
  RequestColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.exchange(soci::use(limit, "limit"));
  statement.exchange(soci::use(offset, "offset"));
  statement.alloc();
  statement.prepare(std::string(kSelectRequests) + where +
                    " ORDER BY r.received_at DESC, r.id DESC LIMIT :limit OFFSET :offset");
  statement.define_and_bind();
  page.items = ReadRequests(statement, columns);
  return page;
}

std::int64_t RequestRepository::InsertStep(soci::session& sql, std::int64_t request_id, const std::string& kind,
                                           std::int64_t org_id, std::optional<std::int64_t> user_id,
                                           std::optional<std::int64_t> target_org_id, const std::string& text,
                                           std::int64_t at) const {
  const long long request = request_id, org = org_id, user = user_id.value_or(0), target = target_org_id.value_or(0),
                  when = at;
  soci::indicator user_i = user_id ? soci::i_ok : soci::i_null;
  soci::indicator target_i = target_org_id ? soci::i_ok : soci::i_null;
  long long id = 0;
  sql << "INSERT INTO request_step (request_id, kind, org_id, user_id, target_org_id, text, at) "
         "VALUES (:request_id, :kind, :org_id, :user_id, :target_org_id, :text, :at) RETURNING id",
      soci::use(request, "request_id"), soci::use(kind, "kind"), soci::use(org, "org_id"),
      soci::use(user, user_i, "user_id"), soci::use(target, target_i, "target_org_id"), soci::use(text, "text"),
      soci::use(when, "at"), soci::into(id);
  return id;
}

std::vector<Step> RequestRepository::ListSteps(soci::session& sql, std::int64_t request_id) const {
  const long long key = request_id;
  std::vector<Step> steps;
  long long id = 0, org_id = 0, user_id = 0, target_id = 0, at = 0;
  soci::indicator user_i = soci::i_null, user_name_i = soci::i_null, target_i = soci::i_null,
                  target_name_i = soci::i_null, target_level_i = soci::i_null;
  Step row;
  std::string user_name, target_name, target_level;
  soci::statement statement =
      (sql.prepare << "SELECT s.id, s.kind, o.id, o.name, o.level, s.user_id, u.display_name, s.target_org_id, "
                      "t.name, t.level, s.text, s.at FROM request_step s JOIN org o ON o.id = s.org_id "
                      "LEFT JOIN user_account u ON u.id = s.user_id LEFT JOIN org t ON t.id = s.target_org_id "
                      "WHERE s.request_id = :id ORDER BY s.id",
       soci::use(key, "id"), soci::into(id), soci::into(row.kind), soci::into(org_id), soci::into(row.org.name),
       soci::into(row.org.level), soci::into(user_id, user_i), soci::into(user_name, user_name_i),
       soci::into(target_id, target_i), soci::into(target_name, target_name_i),
       soci::into(target_level, target_level_i), soci::into(row.text), soci::into(at));
  if (statement.execute(true)) {
    do {
      Step step = row;
      step.id = id;
      step.org.id = org_id;
      step.user_id = OptionalId(user_id, user_i);
      step.user_name = user_name_i == soci::i_ok ? user_name : "";
      if (target_i == soci::i_ok) step.target = OrgRef{target_id, target_name, target_level};
      step.at = at;
      steps.push_back(std::move(step));
    } while (statement.fetch());
  }
  return steps;
}

std::int64_t RequestRepository::InsertExtension(soci::session& sql, std::int64_t request_id, std::int64_t org_id,
                                                std::int64_t approver_org_id, std::int64_t days,
                                                const std::string& reason, std::int64_t at) const {
  const long long request = request_id, org = org_id, approver = approver_org_id, count = days, when = at;
  long long id = 0;
  sql << "INSERT INTO request_extension (request_id, org_id, approver_org_id, days, reason, asked_at) "
         "VALUES (:request_id, :org_id, :approver, :days, :reason, :at) RETURNING id",
      soci::use(request, "request_id"), soci::use(org, "org_id"), soci::use(approver, "approver"),
      soci::use(count, "days"), soci::use(reason, "reason"), soci::use(when, "at"), soci::into(id);
  return id;
}

std::vector<Extension> RequestRepository::ListExtensions(soci::session& sql, std::int64_t request_id) const {
  const long long key = request_id;
  std::vector<Extension> extensions;
  long long id = 0, org_id = 0, approver_id = 0, days = 0, asked_at = 0, decided_at = 0;
  soci::indicator decided_i = soci::i_null;
  Extension row;
  soci::statement statement =
      (sql.prepare << "SELECT x.id, o.id, o.name, o.level, a.id, a.name, a.level, x.days, x.reason, x.state, "
                      "x.asked_at, x.decided_at, x.decision_text FROM request_extension x "
                      "JOIN org o ON o.id = x.org_id JOIN org a ON a.id = x.approver_org_id "
                      "WHERE x.request_id = :id ORDER BY x.id",
       soci::use(key, "id"), soci::into(id), soci::into(org_id), soci::into(row.org.name), soci::into(row.org.level),
       soci::into(approver_id), soci::into(row.approver.name), soci::into(row.approver.level), soci::into(days),
       soci::into(row.reason), soci::into(row.state), soci::into(asked_at), soci::into(decided_at, decided_i),
       soci::into(row.decision_text));
  if (statement.execute(true)) {
    do {
      Extension extension = row;
      extension.id = id;
      extension.org.id = org_id;
      extension.approver.id = approver_id;
      extension.days = days;
      extension.asked_at = asked_at;
      extension.decided_at = OptionalId(decided_at, decided_i);
      extensions.push_back(std::move(extension));
    } while (statement.fetch());
  }
  return extensions;
}

void RequestRepository::DecideExtension(soci::session& sql, std::int64_t extension_id, const std::string& state,
                                        const std::string& text, std::int64_t at) const {
  const long long id = extension_id, when = at;
  sql << "UPDATE request_extension SET state = :state, decision_text = :text, decided_at = :at WHERE id = :id",
      soci::use(state, "state"), soci::use(text, "text"), soci::use(when, "at"), soci::use(id, "id");
}

void RequestRepository::AddToTally(soci::session& sql, const std::vector<std::int64_t>& org_ids,
                                   const std::string& month, const std::string& item, std::int64_t delta) const {
  if (delta == 0) return;
  long long org = 0;
  const long long count = delta;
  soci::statement statement =
      (sql.prepare << "INSERT INTO request_tally (org_id, month, item, count) VALUES (:org_id, :month, :item, :count) "
                      "ON CONFLICT (org_id, month, item) DO UPDATE SET count = request_tally.count + excluded.count",
       soci::use(org, "org_id"), soci::use(month, "month"), soci::use(item, "item"), soci::use(count, "count"));
  for (const std::int64_t org_id : org_ids) {
    org = org_id;
    statement.execute(true);
  }
}

Tally RequestRepository::ReadTally(soci::session& sql, std::int64_t org_id, const std::string& month) const {
  const long long key = org_id;
  Tally tally;
  std::string item;
  long long count = 0;
  soci::statement statement =
      (sql.prepare << "SELECT item, count FROM request_tally WHERE org_id = :org_id AND month = :month",
       soci::use(key, "org_id"), soci::use(month, "month"), soci::into(item), soci::into(count));
  if (statement.execute(true)) {
    do {
      AddToTallyField(tally, item, count);
    } while (statement.fetch());
  }
  return tally;
}

std::vector<OrgTally> RequestRepository::ReadChildTallies(soci::session& sql, std::int64_t org_id,
                                                          const std::string& month) const {
  const long long key = org_id;
  std::vector<OrgTally> children;
  std::map<long long, std::size_t> index;
  long long id = 0, count = 0;
  soci::indicator item_i = soci::i_null, count_i = soci::i_null;
  std::string name, level, item;
  soci::statement statement = (sql.prepare << "SELECT o.id, o.name, o.level, t.item, t.count FROM org o "
                                              "LEFT JOIN request_tally t ON t.org_id = o.id AND t.month = :month "
                                              "WHERE o.parent_id = :org_id AND o.archived_at IS NULL ORDER BY o.path",
                               soci::use(month, "month"), soci::use(key, "org_id"), soci::into(id), soci::into(name),
                               soci::into(level), soci::into(item, item_i), soci::into(count, count_i));
  if (statement.execute(true)) {
    do {
      auto [at, added] = index.try_emplace(id, children.size());
      if (added) children.push_back(OrgTally{OrgRef{id, name, level}, {}});
      if (item_i == soci::i_ok) AddToTallyField(children[at->second].tally, item, count);
    } while (statement.fetch());
  }
  return children;
}

std::vector<MonthTally> RequestRepository::ReadTrend(soci::session& sql, std::int64_t org_id,
                                                     const std::string& from_month, const std::string& to_month) const {
  const long long key = org_id;
  std::vector<MonthTally> months;
  std::string month, item;
  long long count = 0;
  soci::statement statement =
      (sql.prepare << "SELECT month, item, count FROM request_tally WHERE org_id = :org_id AND month >= :from_month "
                      "AND month <= :to_month ORDER BY month",
       soci::use(key, "org_id"), soci::use(from_month, "from_month"), soci::use(to_month, "to_month"),
       soci::into(month), soci::into(item), soci::into(count));
  if (statement.execute(true)) {
    do {
      if (months.empty() || months.back().month != month) months.push_back(MonthTally{month, {}});
      AddToTallyField(months.back().tally, item, count);
    } while (statement.fetch());
  }
  return months;
}

std::vector<Request> RequestRepository::ListToWarn(soci::session& sql, std::int64_t now, std::int64_t limit) const {
  const long long at = now, count = limit;
  RequestColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  statement.exchange(soci::use(at, "now"));
  statement.exchange(soci::use(at, "now2"));
  statement.exchange(soci::use(count, "limit"));
  statement.alloc();
  statement.prepare(std::string(kSelectRequests) +
                    " JOIN request_sla_class k ON k.code = c.sla_class WHERE r.replied_at IS NULL "
                    "AND r.warned_at IS NULL AND r.resolution_due > :now2 "
                    "AND r.resolution_due - k.warning_minutes * 60 <= :now ORDER BY r.resolution_due LIMIT :limit");
  statement.define_and_bind();
  return ReadRequests(statement, columns);
}

std::vector<Request> RequestRepository::ListToEscalate(soci::session& sql, std::int64_t now, std::int64_t limit) const {
  const long long at = now, count = limit;
  RequestColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  statement.exchange(soci::use(at, "now"));
  statement.exchange(soci::use(count, "limit"));
  statement.alloc();
  statement.prepare(std::string(kSelectRequests) +
                    " WHERE r.replied_at IS NULL AND r.escalated_at IS NULL AND r.resolution_due <= :now "
                    "ORDER BY r.resolution_due LIMIT :limit");
  statement.define_and_bind();
  return ReadRequests(statement, columns);
}

namespace {

db::BulkValue OrNull(std::optional<std::int64_t> value) { return value ? db::BulkValue(*value) : db::BulkValue(); }

}  // namespace

RequestBulkLoad::RequestBulkLoad(db::Session& session)
    : session_(session),
      requests_(session, "request",
                {"id",
                 "channel",
                 "category_id",
                 "title",
                 "description",
                 "address",
                 "resident_name_cipher",
                 "resident_name_masked",
                 "resident_phone_cipher",
                 "resident_phone_masked",
                 "territory_org_id",
                 "first_receiver_org_id",
                 "owner_org_id",
                 "state",
                 "arrived_by_return",
                 "received_at",
                 "received_month",
                 "dispatched_at",
                 "sign_for_due",
                 "signed_at",
                 "contact_due",
                 "contacted_at",
                 "resolution_due",
                 "extension_days",
                 "replied_at",
                 "reply",
                 "satisfaction",
                 "resolved",
                 "rated_at",
                 "closed_at",
                 "return_count",
                 "reopen_count",
                 "warned_at",
                 "escalated_at",
                 "created_by",
                 "updated_at"}),
      steps_(session, "request_step", {"request_id", "kind", "org_id", "user_id", "target_org_id", "text", "at"}),
      extensions_(session, "request_extension",
                  {"request_id", "org_id", "approver_org_id", "days", "reason", "state", "asked_at", "decided_at",
                   "decision_text"}),
      tallies_(session, "request_tally", {"org_id", "month", "item", "count"}) {
  steps_.FlushFirst(requests_);
  extensions_.FlushFirst(steps_);
}

void RequestBulkLoad::AddRequest(const RequestRecord& record, std::optional<std::int64_t> created_by) {
  const Request& r = record.request;
  const std::int64_t updated_at = std::max({r.received_at, r.closed_at.value_or(0), r.replied_at.value_or(0)});
  requests_.Add({r.id,
                 r.channel,
                 r.category_id,
                 r.title,
                 r.description,
                 r.address,
                 record.resident_name_cipher,
                 r.resident_name_masked,
                 record.resident_phone_cipher,
                 r.resident_phone_masked,
                 record.territory_org_id,
                 record.first_receiver_org_id,
                 record.owner_org_id,
                 r.state,
                 r.arrived_by_return ? 1 : 0,
                 r.received_at,
                 r.received_month,
                 r.dispatched_at,
                 r.sign_for_due,
                 OrNull(r.signed_at),
                 r.contact_due,
                 OrNull(r.contacted_at),
                 r.resolution_due,
                 r.extension_days,
                 OrNull(r.replied_at),
                 r.reply,
                 r.satisfaction ? db::BulkValue(*r.satisfaction) : db::BulkValue(),
                 r.resolved ? db::BulkValue(*r.resolved ? 1 : 0) : db::BulkValue(),
                 OrNull(r.rated_at),
                 OrNull(r.closed_at),
                 r.return_count,
                 r.reopen_count,
                 OrNull(r.warned_at),
                 OrNull(r.escalated_at),
                 OrNull(created_by),
                 updated_at});
}

void RequestBulkLoad::AddStep(std::int64_t request_id, std::string_view kind, std::int64_t org_id,
                              std::optional<std::int64_t> user_id, std::optional<std::int64_t> target_org_id,
                              std::string_view text, std::int64_t at) {
  steps_.Add({request_id, kind, org_id, OrNull(user_id), OrNull(target_org_id), text, at});
}

void RequestBulkLoad::AddExtension(std::int64_t request_id, std::int64_t org_id, std::int64_t approver_org_id,
                                   std::int64_t days, std::string_view reason, std::int64_t asked_at,
                                   std::int64_t decided_at) {
  extensions_.Add({request_id, org_id, approver_org_id, days, reason, "approved", asked_at, decided_at, "同意"});
}

void RequestBulkLoad::AddTally(std::int64_t org_id, const std::string& month, const std::string& item,
                               std::int64_t count) {
  tallies_.Add({org_id, month, item, count});
}

void RequestBulkLoad::Finish() {
  requests_.Finish();
  steps_.Finish();
  extensions_.Finish();
  tallies_.Finish();
  db::ResetIdSequences(session_, {"request", "request_step", "request_extension"});
  db::AnalyzeTables(session_, {"request", "request_step", "request_extension", "request_tally"});
}

bool RequestRepository::MarkWarned(soci::session& sql, std::int64_t id, std::int64_t now) const {
  const long long key = id, at = now;
  soci::statement statement =
      (sql.prepare << "UPDATE request SET warned_at = :now WHERE id = :id AND warned_at IS NULL", soci::use(at, "now"),
       soci::use(key, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

bool RequestRepository::MarkEscalated(soci::session& sql, std::int64_t id, std::int64_t now) const {
  const long long key = id, at = now;
  soci::statement statement =
      (sql.prepare << "UPDATE request SET escalated_at = :now, warned_at = COALESCE(warned_at, :now2) "
                      "WHERE id = :id AND escalated_at IS NULL",
       soci::use(at, "now"), soci::use(at, "now2"), soci::use(key, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

}  // namespace liandong::request
