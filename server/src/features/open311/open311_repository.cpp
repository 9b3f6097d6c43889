#include "features/open311/open311_repository.hpp"

#include <algorithm>
#include <functional>
#include <string_view>

#include "db/org_scope_binding.hpp"

namespace liandong::open311 {
namespace {

constexpr std::string_view kSelectPartners = R"sql(
  SELECT p.id, p.name, o.id, o.name, o.path, u.id, u.username, p.key_hint, p.created_at, p.last_used_at,
         p.revoked_at, p.revoke_reason, (SELECT COUNT(*) FROM open311_request q WHERE q.partner_id = p.id)
  FROM open311_partner p
  JOIN org o ON o.id = p.org_id
  JOIN user_account u ON u.id = p.user_id
)sql";

struct PartnerColumns {
  long long id = 0, org_id = 0, user_id = 0, created_at = 0, last_used_at = 0, revoked_at = 0, request_count = 0;
  soci::indicator last_used_i = soci::i_null, revoked_i = soci::i_null;
  Partner partner;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(partner.name));
    statement.exchange(soci::into(org_id));
    statement.exchange(soci::into(partner.org_name));
    statement.exchange(soci::into(partner.org_path));
    statement.exchange(soci::into(user_id));
    statement.exchange(soci::into(partner.username));
    statement.exchange(soci::into(partner.key_hint));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(last_used_at, last_used_i));
    statement.exchange(soci::into(revoked_at, revoked_i));
    statement.exchange(soci::into(partner.revoke_reason));
    statement.exchange(soci::into(request_count));
  }
  Partner Read() const {
    Partner result = partner;
    result.id = id;
    result.org_id = org_id;
    result.user_id = user_id;
    result.created_at = created_at;
    result.last_used_at = last_used_i == soci::i_ok ? std::optional<std::int64_t>(last_used_at) : std::nullopt;
    result.revoked_at = revoked_i == soci::i_ok ? std::optional<std::int64_t>(revoked_at) : std::nullopt;
    result.request_count = request_count;
    return result;
  }
};

std::vector<Partner> ReadPartners(soci::session& sql, const std::string& where,
                                  const std::function<void(soci::statement&)>& bind) {
  PartnerColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(std::string(kSelectPartners) + where);
  statement.define_and_bind();
  std::vector<Partner> partners;
  if (statement.execute(true)) {
    do {
      partners.push_back(columns.Read());
    } while (statement.fetch());
  }
  return partners;
}

}  // namespace

std::vector<Partner> Open311Repository::ListPartners(soci::session& sql, const core::OrgScope& scope) const {
  return ReadPartners(sql, " WHERE o.path >= :scope AND o.path < :scope_end ORDER BY p.revoked_at IS NOT NULL, p.id",
                      [&](soci::statement& statement) { db::BindScope(statement, scope); });
}

std::optional<Partner> Open311Repository::FindPartner(soci::session& sql, std::int64_t id) const {
  const long long wanted = id;
  auto partners = ReadPartners(sql, " WHERE p.id = :id",
                               [&](soci::statement& statement) { statement.exchange(soci::use(wanted, "id")); });
  if (partners.empty()) return std::nullopt;
  return partners.front();
}

std::optional<Partner> Open311Repository::FindPartnerByKeyHash(soci::session& sql, const std::string& key_hash) const {
  auto partners = ReadPartners(sql, " WHERE p.key_hash = :key_hash", [&](soci::statement& statement) {
    statement.exchange(soci::use(key_hash, "key_hash"));
  });
  if (partners.empty()) return std::nullopt;
  return partners.front();
}

bool Open311Repository::PartnerNameTaken(soci::session& sql, const std::string& name) const {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM open311_partner WHERE name = :name", soci::use(name, "name"), soci::into(count);
  return count > 0;
}

std::int64_t Open311Repository::InsertSystemUser(soci::session& sql, std::int64_t org_id, const std::string& username,
                                                 const std::string& display_name, std::int64_t now) const {
  const long long org = org_id, at = now;
  long long id = 0;
  // "!" is no argon2id hash: no password matches it, and the account is disabled besides.
  sql << "INSERT INTO user_account (org_id, username, display_name, role, password_hash, disabled, created_at, "
         "password_changed_at) VALUES (:org_id, :username, :display_name, 'open311_partner', '!', 1, :now, :changed) "
         "RETURNING id",
      soci::use(org, "org_id"), soci::use(username, "username"), soci::use(display_name, "display_name"),
      soci::use(at, "now"), soci::use(at, "changed"), soci::into(id);
  return id;
}

std::int64_t Open311Repository::InsertPartner(soci::session& sql, const NewPartner& partner, std::int64_t user_id,
                                              const std::string& key_hash, const std::string& key_hint,
                                              std::int64_t created_by, std::int64_t now) const {
  const long long org = partner.org_id, user = user_id, by = created_by, at = now;
  long long id = 0;
  sql << "INSERT INTO open311_partner (name, org_id, user_id, key_hash, key_hint, created_at, created_by) "
         "VALUES (:name, :org_id, :user_id, :key_hash, :key_hint, :created_at, :created_by) RETURNING id",
      soci::use(partner.name, "name"), soci::use(org, "org_id"), soci::use(user, "user_id"),
      soci::use(key_hash, "key_hash"), soci::use(key_hint, "key_hint"), soci::use(at, "created_at"),
      soci::use(by, "created_by"), soci::into(id);
  return id;
}

void Open311Repository::RevokePartner(soci::session& sql, std::int64_t id, std::int64_t revoked_by,
                                      const std::string& reason, std::int64_t now) const {
  const long long partner = id, by = revoked_by, at = now;
  sql << "UPDATE open311_partner SET revoked_at = :at, revoked_by = :by, revoke_reason = :reason WHERE id = :id",
      soci::use(at, "at"), soci::use(by, "by"), soci::use(reason, "reason"), soci::use(partner, "id");
}

void Open311Repository::TouchPartner(soci::session& sql, std::int64_t id, std::int64_t now) const {
  const long long partner = id, at = now;
  sql << "UPDATE open311_partner SET last_used_at = :at WHERE id = :id", soci::use(at, "at"),
      soci::use(partner, "id");
}

std::vector<std::string> Open311Repository::RolePermissions(soci::session& sql, const std::string& role) const {
  std::vector<std::string> permissions;
  std::string permission;
  soci::statement statement = (sql.prepare << "SELECT permission FROM role_permission WHERE role = :role ORDER BY permission",
                               soci::use(role, "role"), soci::into(permission));
  if (statement.execute(true)) {
    do {
      permissions.push_back(permission);
    } while (statement.fetch());
  }
  return permissions;
}

std::set<std::int64_t> Open311Repository::CategoriesWithAttributes(soci::session& sql) const {
  std::set<std::int64_t> ids;
  long long category_id = 0;
  soci::statement statement =
      (sql.prepare << "SELECT DISTINCT category_id FROM request_category_attribute", soci::into(category_id));
  if (statement.execute(true)) {
    do {
      ids.insert(category_id);
    } while (statement.fetch());
  }
  return ids;
}

std::vector<Attribute> Open311Repository::ListAttributes(soci::session& sql, std::int64_t category_id) const {
  const long long category = category_id;
  std::vector<Attribute> attributes;
  std::vector<long long> ids;
  {
    long long id = 0;
    int required = 0, order = 0;
    Attribute row;
    soci::statement statement = (sql.prepare << R"sql(
      SELECT id, code, datatype, required, description, datatype_description, sort_order
      FROM request_category_attribute WHERE category_id = :category ORDER BY sort_order, id)sql",
                                 soci::use(category, "category"), soci::into(id), soci::into(row.code),
                                 soci::into(row.datatype), soci::into(required), soci::into(row.description),
                                 soci::into(row.datatype_description), soci::into(order));
    if (statement.execute(true)) {
      do {
        row.required = required != 0;
        row.order = order;
        attributes.push_back(row);
        ids.push_back(id);
      } while (statement.fetch());
    }
  }
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    AttributeValue value;
    soci::statement statement = (sql.prepare << "SELECT value_key, name FROM request_category_attribute_value "
                                                "WHERE attribute_id = :id ORDER BY sort_order",
                                 soci::use(ids[i], "id"), soci::into(value.key), soci::into(value.name));
    if (statement.execute(true)) {
      do {
        attributes[i].values.push_back(value);
      } while (statement.fetch());
    }
  }
  return attributes;
}

void Open311Repository::InsertPosted(soci::session& sql, std::int64_t request_id, std::int64_t partner_id,
                                     const std::string& token, std::int64_t now) const {
  const long long request = request_id, partner = partner_id, at = now;
  sql << "INSERT INTO open311_request (request_id, partner_id, token, created_at) "
         "VALUES (:request_id, :partner_id, :token, :created_at)",
      soci::use(request, "request_id"), soci::use(partner, "partner_id"), soci::use(token, "token"),
      soci::use(at, "created_at");
}

void Open311Repository::InsertAttribute(soci::session& sql, std::int64_t request_id, const std::string& code,
                                        const std::string& value) const {
  const long long request = request_id;
  sql << "INSERT INTO request_attribute (request_id, code, value) VALUES (:request_id, :code, :value)",
      soci::use(request, "request_id"), soci::use(code, "code"), soci::use(value, "value");
}

std::optional<std::int64_t> Open311Repository::FindByToken(soci::session& sql, std::int64_t partner_id,
                                                           const std::string& token) const {
  const long long partner = partner_id;
  long long id = 0;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT request_id FROM open311_request WHERE token = :token AND partner_id = :partner",
      soci::use(token, "token"), soci::use(partner, "partner"), soci::into(id, indicator);
  if (!sql.got_data() || indicator != soci::i_ok) return std::nullopt;
  return id;
}

std::vector<RequestRow> Open311Repository::ListRequests(soci::session& sql, const core::OrgScope& scope,
                                                        const RequestQuery& query) const {
  // A partner of the whole city reads every request: no subtree to test row by row (a generic
  // PostgreSQL plan takes the range for 0.5 % of the tree and joins all of it into every call).
  const bool whole_tree = scope.IsWholeTree();
  std::string where = whole_tree ? " WHERE r.id > 0" : " WHERE t.path >= :scope AND t.path < :scope_end";
  std::vector<long long> ids(query.ids.begin(), query.ids.end());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    where += (i == 0 ? " AND r.id IN (" : ", ") + std::string(":id") + std::to_string(i);
    if (i + 1 == ids.size()) where += ")";
  }
  long long start = query.start.value_or(0), end = query.end.value_or(0);
  if (query.ids.empty()) {
    for (std::size_t i = 0; i < query.service_codes.size(); ++i) {
      where += (i == 0 ? " AND c.code IN (" : ", ") + std::string(":code") + std::to_string(i);
      if (i + 1 == query.service_codes.size()) where += ")";
    }
    if (query.start) where += " AND r.received_at >= :start";
    if (query.end) where += " AND r.received_at <= :end";
    const bool open = std::find(query.statuses.begin(), query.statuses.end(), "open") != query.statuses.end();
    const bool closed = std::find(query.statuses.begin(), query.statuses.end(), "closed") != query.statuses.end();
    if (open && !closed) where += " AND r.state <> 'closed'";
    if (closed && !open) where += " AND r.state = 'closed'";
  }
  RequestRow row;
  long long id = 0, resolution_due = 0, received_at = 0, updated_at = 0, territory_id = 0;
  double lat = 0, lon = 0;
  std::string satisfaction;
  soci::indicator lat_i = soci::i_null, lon_i = soci::i_null, satisfaction_i = soci::i_null;
  soci::statement statement(sql);
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(row.state));
  statement.exchange(soci::into(row.category_code));
  statement.exchange(soci::into(row.category_name));
  statement.exchange(soci::into(row.description));
  statement.exchange(soci::into(row.owner_name));
  statement.exchange(soci::into(row.owner_level));
  statement.exchange(soci::into(row.sla_name));
  statement.exchange(soci::into(resolution_due));
  statement.exchange(soci::into(received_at));
  statement.exchange(soci::into(updated_at));
  statement.exchange(soci::into(row.address));
  statement.exchange(soci::into(territory_id));
  statement.exchange(soci::into(lat, lat_i));
  statement.exchange(soci::into(lon, lon_i));
  statement.exchange(soci::into(satisfaction, satisfaction_i));
  if (!whole_tree) db::BindScope(statement, scope);
  for (std::size_t i = 0; i < ids.size(); ++i) statement.exchange(soci::use(ids[i], "id" + std::to_string(i)));
  if (query.ids.empty()) {
    for (std::size_t i = 0; i < query.service_codes.size(); ++i) {
      statement.exchange(soci::use(query.service_codes[i], "code" + std::to_string(i)));
    }
    if (query.start) statement.exchange(soci::use(start, "start"));
    if (query.end) statement.exchange(soci::use(end, "end"));
  }
  statement.alloc();
  statement.prepare(R"sql(
    SELECT r.id, r.state, c.code, c.name, r.description, o.name, o.level, s.name, r.resolution_due, r.received_at,
           r.updated_at, r.address, r.territory_org_id, r.latitude, r.longitude, r.satisfaction
    FROM request r)sql" +
                    std::string(whole_tree ? "" : " JOIN org t ON t.id = r.territory_org_id") + R"sql(
    JOIN org o ON o.id = r.owner_org_id
    JOIN request_category c ON c.id = r.category_id
    JOIN request_sla_class s ON s.code = c.sla_class)sql" +
                    where + " ORDER BY r.received_at DESC, r.id DESC LIMIT " + std::to_string(kMaxResults));
  statement.define_and_bind();
  std::vector<RequestRow> rows;
  if (statement.execute(true)) {
    do {
      RequestRow copy = row;
      copy.id = id;
      copy.resolution_due = resolution_due;
      copy.received_at = received_at;
      copy.updated_at = updated_at;
      copy.territory_id = territory_id;
      copy.lat = lat_i == soci::i_ok ? std::optional<double>(lat) : std::nullopt;
      copy.lon = lon_i == soci::i_ok ? std::optional<double>(lon) : std::nullopt;
      copy.satisfaction = satisfaction_i == soci::i_ok ? std::optional<std::string>(satisfaction) : std::nullopt;
      rows.push_back(std::move(copy));
    } while (statement.fetch());
  }
  return rows;
}

}  // namespace liandong::open311
