#include "features/role/role_repository.hpp"

#include <string_view>

namespace liandong::role {
namespace {

constexpr std::string_view kSelectRoles = R"sql(
  SELECT r.name, r.display_name, r.duty, r.builtin,
         (SELECT COUNT(*) FROM user_account u WHERE u.role = r.name)
  FROM role r
)sql";
constexpr std::string_view kAllRolesOrder = " ORDER BY r.builtin DESC, r.name";
constexpr std::string_view kRoleNamed = " WHERE r.name = :name";
constexpr std::string_view kSelectPermissions =
    "SELECT role, permission FROM role_permission ORDER BY role, permission";
constexpr std::string_view kSelectPermissionsOfRole =
    "SELECT permission FROM role_permission WHERE role = :role ORDER BY permission";
constexpr std::string_view kInsertRole = R"sql(
  INSERT INTO role (name, display_name, duty, builtin, created_at) VALUES (:name, :display_name, 'staff', 0, :now)
)sql";
constexpr std::string_view kUpdateDisplayName = "UPDATE role SET display_name = :display_name WHERE name = :name";
constexpr std::string_view kDeletePermissions = "DELETE FROM role_permission WHERE role = :role";
constexpr std::string_view kInsertPermission =
    "INSERT INTO role_permission (role, permission) VALUES (:role, :permission)";
constexpr std::string_view kDeleteRole = "DELETE FROM role WHERE name = :name";

}  // namespace

std::vector<Role> RoleRepository::List(soci::session& sql) const {
  std::vector<Role> roles;
  {
    Role row;
    int builtin = 0;
    long long users = 0;
    soci::statement statement =
        (sql.prepare << std::string(kSelectRoles) + std::string(kAllRolesOrder), soci::into(row.name),
         soci::into(row.display_name), soci::into(row.duty), soci::into(builtin), soci::into(users));
    statement.execute();
    while (statement.fetch()) {
      row.builtin = builtin != 0;
      row.user_count = users;
      roles.push_back(row);
    }
  }
  std::string role;
  std::string permission;
  soci::statement statement = (sql.prepare << kSelectPermissions, soci::into(role), soci::into(permission));
  statement.execute();
  while (statement.fetch()) {
    for (Role& each : roles) {
      if (each.name == role) each.permissions.push_back(permission);
    }
  }
  return roles;
}

std::optional<Role> RoleRepository::Find(soci::session& sql, const std::string& name) const {
  Role role;
  int builtin = 0;
  long long users = 0;
  sql << std::string(kSelectRoles) + std::string(kRoleNamed), soci::use(name, "name"), soci::into(role.name),
      soci::into(role.display_name), soci::into(role.duty), soci::into(builtin), soci::into(users);
  if (!sql.got_data()) return std::nullopt;
  role.builtin = builtin != 0;
  role.user_count = users;
  std::string permission;
  soci::statement statement =
      (sql.prepare << kSelectPermissionsOfRole, soci::use(name, "role"), soci::into(permission));
  statement.execute();
  while (statement.fetch()) role.permissions.push_back(permission);
  return role;
}

void RoleRepository::InsertStaffRole(soci::session& sql, const std::string& name, const std::string& display_name,
                                     std::int64_t now) const {
  sql << kInsertRole, soci::use(name, "name"), soci::use(display_name, "display_name"), soci::use(now, "now");
}

void RoleRepository::UpdateDisplayName(soci::session& sql, const std::string& name,
                                       const std::string& display_name) const {
  sql << kUpdateDisplayName, soci::use(display_name, "display_name"), soci::use(name, "name");
}

void RoleRepository::ReplacePermissions(soci::session& sql, const std::string& name,
                                        const std::vector<std::string>& permissions) const {
  sql << kDeletePermissions, soci::use(name, "role");
  for (const std::string& permission : permissions) {
    sql << kInsertPermission, soci::use(name, "role"), soci::use(permission, "permission");
  }
}

void RoleRepository::Delete(soci::session& sql, const std::string& name) const {
  sql << kDeletePermissions, soci::use(name, "role");
  sql << kDeleteRole, soci::use(name, "name");
}

}  // namespace liandong::role
