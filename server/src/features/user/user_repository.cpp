#include "features/user/user_repository.hpp"

#include <string_view>

#include "db/org_scope_binding.hpp"

namespace liandong::user {
namespace {

constexpr std::string_view kSelectColumns = R"sql(
  SELECT u.id, u.org_id, o.name, o.path, u.username, u.display_name, u.role, COALESCE(r.display_name, u.role),
         COALESCE(r.duty, 'staff'), u.disabled, COALESCE(u.locked_until, 0),
         CASE WHEN t.confirmed_at IS NULL THEN 0 ELSE 1 END, u.created_at, u.password_changed_at
  FROM user_account u
  JOIN org o ON o.id = u.org_id
  LEFT JOIN role r ON r.name = u.role
  LEFT JOIN user_totp t ON t.user_id = u.id
)sql";
constexpr std::string_view kScope = " WHERE o.path >= :scope AND o.path < :scope_end";
constexpr std::string_view kQuery = " AND (u.username LIKE :query OR u.display_name LIKE :same_query)";
constexpr std::string_view kCountFrom = R"sql(
  SELECT COUNT(*) FROM user_account u JOIN org o ON o.id = u.org_id
)sql";
constexpr std::string_view kSelectOrgPath =
    "SELECT o.path FROM user_account u JOIN org o ON o.id = u.org_id WHERE u.id = :id";
constexpr std::string_view kCountUsername = "SELECT COUNT(*) FROM user_account WHERE username = :username";
constexpr std::string_view kSelectRoleDuty = "SELECT duty FROM role WHERE name = :name";

struct Row {
  long long id = 0;
  long long org_id = 0;
  std::string org_name;
  std::string org_path;
  std::string username;
  std::string display_name;
  std::string role;
  std::string role_display_name;
  std::string role_duty;
  int disabled = 0;
  long long locked_until = 0;
  int second_factor = 0;
  long long created_at = 0;
  long long password_changed_at = 0;
};

void Bind(soci::details::prepare_temp_type& prepared, Row& row) {
  prepared, soci::into(row.id), soci::into(row.org_id), soci::into(row.org_name), soci::into(row.org_path),
      soci::into(row.username), soci::into(row.display_name), soci::into(row.role), soci::into(row.role_display_name),
      soci::into(row.role_duty), soci::into(row.disabled), soci::into(row.locked_until), soci::into(row.second_factor),
      soci::into(row.created_at), soci::into(row.password_changed_at);
}

UserView ToView(const Row& row, std::int64_t now) {
  return UserView{row.id,           row.org_id,           row.org_name,          row.username,
                  row.display_name, row.role,             row.role_display_name, row.role_duty,
                  row.disabled != 0, row.locked_until > now, row.second_factor != 0, row.created_at,
                  row.password_changed_at};
}

}  // namespace

UserPage UserRepository::List(soci::session& sql, const core::OrgScope& scope, const UserFilter& filter,
                              std::int64_t now) const {
  const std::string pattern = "%" + filter.query + "%";
  const std::string conditions = std::string(kScope) + (filter.query.empty() ? "" : std::string(kQuery));
  const auto bind_filters = [&](soci::details::prepare_temp_type& prepared) {
    prepared, db::UseScope{scope};
    if (!filter.query.empty()) prepared, soci::use(pattern, "query"), soci::use(pattern, "same_query");
  };
  UserPage page;
  page.page = filter.page;
  page.page_size = filter.page_size;
  {
    long long total = 0;
    auto prepared = (sql.prepare << std::string(kCountFrom) + conditions);
    bind_filters(prepared);
    prepared, soci::into(total);
    soci::statement statement(prepared);
    statement.execute(true);
    page.total = total;
  }
  const int limit = filter.page_size;
  const long long offset = static_cast<long long>(filter.page - 1) * filter.page_size;
  Row row;
  auto prepared = (sql.prepare << std::string(kSelectColumns) + conditions + " ORDER BY u.id LIMIT :limit OFFSET :offset");
  bind_filters(prepared);
  prepared, soci::use(limit, "limit"), soci::use(offset, "offset");
  Bind(prepared, row);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) page.items.push_back(ToView(row, now));
  return page;
}

std::optional<UserView> UserRepository::Find(soci::session& sql, std::int64_t id, std::int64_t now) const {
  Row row;
  auto prepared = (sql.prepare << std::string(kSelectColumns) + " WHERE u.id = :id");
  prepared, soci::use(id, "id");
  Bind(prepared, row);
  soci::statement statement(prepared);
  if (!statement.execute(true)) return std::nullopt;
  return ToView(row, now);
}

std::optional<std::string> UserRepository::OrgPathOfUser(soci::session& sql, std::int64_t id) const {
  std::string path;
  sql << kSelectOrgPath, soci::use(id, "id"), soci::into(path);
  if (!sql.got_data()) return std::nullopt;
  return path;
}

bool UserRepository::UsernameTaken(soci::session& sql, const std::string& username) const {
  long long count = 0;
  sql << kCountUsername, soci::use(username, "username"), soci::into(count);
  return count > 0;
}

std::optional<std::string> UserRepository::RoleDuty(soci::session& sql, const std::string& role) const {
  std::string duty;
  sql << kSelectRoleDuty, soci::use(role, "name"), soci::into(duty);
  if (!sql.got_data()) return std::nullopt;
  return duty;
}

void UserRepository::Update(soci::session& sql, std::int64_t id, const UserPatch& patch) const {
  if (patch.org_id) sql << "UPDATE user_account SET org_id = :org_id WHERE id = :id", soci::use(*patch.org_id, "org_id"), soci::use(id, "id");
  if (patch.display_name) {
    sql << "UPDATE user_account SET display_name = :display_name WHERE id = :id",
        soci::use(*patch.display_name, "display_name"), soci::use(id, "id");
  }
  if (patch.role) sql << "UPDATE user_account SET role = :role WHERE id = :id", soci::use(*patch.role, "role"), soci::use(id, "id");
  if (patch.disabled) {
    const int disabled = *patch.disabled ? 1 : 0;
    sql << "UPDATE user_account SET disabled = :disabled WHERE id = :id", soci::use(disabled, "disabled"),
        soci::use(id, "id");
  }
}

}  // namespace liandong::user
