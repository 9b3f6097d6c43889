#include "features/role/role_service.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include "core/error.hpp"

namespace liandong::role {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::string_view kSelectRoles = R"sql(
  SELECT r.name, r.display_name, r.duty, r.builtin,
         (SELECT COUNT(*) FROM user_account u WHERE u.role = r.name)
  FROM role r
)sql";
constexpr std::string_view kSelectPermissions = "SELECT role, permission FROM role_permission ORDER BY role, permission";
constexpr std::string_view kInsertRole = R"sql(
  INSERT INTO role (name, display_name, duty, builtin, created_at) VALUES (:name, :display_name, 'staff', 0, :now)
)sql";
constexpr std::string_view kUpdateDisplayName = "UPDATE role SET display_name = :display_name WHERE name = :name";
constexpr std::string_view kDeletePermissions = "DELETE FROM role_permission WHERE role = :role";
constexpr std::string_view kInsertPermission =
    "INSERT INTO role_permission (role, permission) VALUES (:role, :permission)";
constexpr std::string_view kDeleteRole = "DELETE FROM role WHERE name = :name";

bool IsValidRoleName(const std::string& name) {
  if (name.size() < 3 || name.size() > 40) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

// The permissions of a staff role: known, staff-duty, without repeats; sorted.
std::vector<std::string> StaffPermissions(const std::vector<std::string>& requested) {
  std::set<std::string> unique;
  for (const std::string& permission : requested) {
    const auto& catalogue = PermissionCatalogue();
    const auto found = std::find_if(catalogue.begin(), catalogue.end(),
                                    [&](const PermissionDefinition& known) { return known.name == permission; });
    if (found == catalogue.end()) throw AppError(ErrorKind::kInvalidArgument, "role.unknown_permission", permission);
    if (found->duty != "staff") {
      throw AppError(ErrorKind::kInvalidArgument, "role.duty_mixed", permission + " belongs to the " + found->duty);
    }
    unique.insert(permission);
  }
  return {unique.begin(), unique.end()};
}

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ",") + item;
  return text;
}

}  // namespace

const std::vector<PermissionDefinition>& PermissionCatalogue() {
  static const std::vector<PermissionDefinition> catalogue = {
      {"org:read", "staff"},      {"org:write", "staff"},     {"member:read", "staff"},  {"member:write", "staff"},
      {"member:unmask", "staff"}, {"unit:read", "staff"},     {"unit:write", "staff"},   {"user:read", "system"},
      {"user:write", "system"},   {"setting:read", "shared"}, {"setting:write", "system"}, {"role:read", "security"}, {"role:write", "security"},
      {"policy:write", "security"}, {"audit:read", "audit"},  {"audit:export", "audit"},
      {"duty:read", "staff"},       {"duty:write", "staff"},   {"task:read", "staff"},
      {"task:assign", "staff"},     {"task:report", "staff"},  {"task:review", "staff"},
      {"supervision:write", "staff"}, {"accountability:read", "staff"}, {"accountability:write", "staff"},
      {"bulletin:read", "staff"},   {"bulletin:write", "staff"}, {"notification:read", "staff"},
  };
  return catalogue;
}

RoleService::RoleService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit,
                         const auth::AuthService& auth_service)
    : database_(database), clock_(clock), audit_(audit), auth_service_(auth_service) {}

std::vector<Role> RoleService::List(const core::Actor& actor) const {
  core::RequirePermission(actor, "role:read");
  db::Session session(database_);
  std::vector<Role> roles;
  {
    Role row;
    int builtin = 0;
    long long users = 0;
    soci::statement statement =
        (session.sql().prepare << std::string(kSelectRoles) + " ORDER BY r.builtin DESC, r.name", soci::into(row.name),
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
  soci::statement statement = (session.sql().prepare << kSelectPermissions, soci::into(role), soci::into(permission));
  statement.execute();
  while (statement.fetch()) {
    for (Role& each : roles) {
      if (each.name == role) each.permissions.push_back(permission);
    }
  }
  return roles;
}

std::optional<Role> RoleService::Find(soci::session& sql, const std::string& name) const {
  Role role;
  int builtin = 0;
  long long users = 0;
  sql << std::string(kSelectRoles) + " WHERE r.name = :name", soci::use(name, "name"), soci::into(role.name),
      soci::into(role.display_name), soci::into(role.duty), soci::into(builtin), soci::into(users);
  if (!sql.got_data()) return std::nullopt;
  role.builtin = builtin != 0;
  role.user_count = users;
  std::string permission;
  soci::statement statement = (sql.prepare << "SELECT permission FROM role_permission WHERE role = :role ORDER BY permission",
                               soci::use(name, "role"), soci::into(permission));
  statement.execute();
  while (statement.fetch()) role.permissions.push_back(permission);
  return role;
}

void RoleService::SetPermissions(soci::session& sql, const std::string& name,
                                 const std::vector<std::string>& permissions) const {
  sql << kDeletePermissions, soci::use(name, "role");
  for (const std::string& permission : permissions) {
    sql << kInsertPermission, soci::use(name, "role"), soci::use(permission, "permission");
  }
}

Role RoleService::Create(const core::Actor& actor, const RoleInput& input) const {
  core::RequirePermission(actor, "role:write");
  if (!IsValidRoleName(input.name)) throw AppError(ErrorKind::kInvalidArgument, "role.invalid_name");
  if (input.display_name.empty() || input.display_name.size() > 150) {
    throw AppError(ErrorKind::kInvalidArgument, "role.invalid_display_name");
  }
  const std::vector<std::string> permissions = StaffPermissions(input.permissions);
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  if (Find(session.sql(), input.name)) throw AppError(ErrorKind::kConflict, "role.name_taken");
  const std::int64_t now = clock_.NowSeconds();
  session.sql() << kInsertRole, soci::use(input.name, "name"), soci::use(input.display_name, "display_name"),
      soci::use(now, "now");
  SetPermissions(session.sql(), input.name, permissions);
  audit_.Record(session.sql(), actor, {"role.create", "role", std::nullopt, "ok", input.name + ": " + Joined(permissions)});
  transaction.Commit();
  return *Find(session.sql(), input.name);
}

Role RoleService::Update(const core::Actor& actor, const std::string& name, const RolePatch& patch) const {
  core::RequirePermission(actor, "role:write");
  if (patch.display_name && (patch.display_name->empty() || patch.display_name->size() > 150)) {
    throw AppError(ErrorKind::kInvalidArgument, "role.invalid_display_name");
  }
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto role = Find(session.sql(), name);
  if (!role) throw AppError(ErrorKind::kNotFound, "role.not_found");
  if (role->duty != "staff") throw AppError(ErrorKind::kPermissionDenied, "role.administrator_role");
  std::optional<std::vector<std::string>> permissions;
  if (patch.permissions) permissions = StaffPermissions(*patch.permissions);
  if (patch.display_name) {
    session.sql() << kUpdateDisplayName, soci::use(*patch.display_name, "display_name"), soci::use(name, "name");
  }
  if (permissions) SetPermissions(session.sql(), name, *permissions);
  audit_.Record(session.sql(), actor,
                {"role.update", "role", std::nullopt, "ok",
                 name + ": " + Joined(role->permissions) + " → " + Joined(permissions.value_or(role->permissions))});
  transaction.Commit();
  auth_service_.ForgetPermissions();
  return *Find(session.sql(), name);
}

void RoleService::Delete(const core::Actor& actor, const std::string& name) const {
  core::RequirePermission(actor, "role:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto role = Find(session.sql(), name);
  if (!role) throw AppError(ErrorKind::kNotFound, "role.not_found");
  if (role->builtin) throw AppError(ErrorKind::kPermissionDenied, "role.builtin");
  if (role->user_count > 0) throw AppError(ErrorKind::kConflict, "role.in_use");
  session.sql() << kDeletePermissions, soci::use(name, "role");
  session.sql() << kDeleteRole, soci::use(name, "name");
  audit_.Record(session.sql(), actor, {"role.delete", "role", std::nullopt, "ok", name});
  transaction.Commit();
  auth_service_.ForgetPermissions();
}

}  // namespace liandong::role
