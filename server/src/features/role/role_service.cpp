#include "features/role/role_service.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"

namespace liandong::role {
namespace {

using core::AppError;
using core::ErrorKind;

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
      {"request:read", "staff"},    {"request:intake", "staff"}, {"request:handle", "staff"},
      {"request:catalogue", "staff"}, {"open311:manage", "staff"},
      {"cobuild:read", "staff"},    {"cobuild:write", "staff"},  {"cobuild:report", "staff"},
      {"cobuild:match", "staff"},
      {"workforce:read", "staff"},  {"workforce:write", "staff"}, {"workforce:manage", "staff"},
      {"check_in:read", "staff"},   {"check_in:write", "staff"},
      {"workforce:appraise", "staff"}, {"workforce:qualify", "staff"}, {"workforce:train", "staff"},
      {"workforce:staff", "staff"},    {"workforce:fund", "staff"},
      {"whistle:read", "staff"},    {"whistle:blow", "staff"},   {"whistle:sign", "staff"},
      {"whistle:respond", "staff"}, {"whistle:configure", "staff"},
      {"power:read", "staff"},      {"power:act", "staff"},      {"power:answer", "staff"},
      {"power:personnel", "staff"},
      {"key_enterprise:read", "staff"}, {"key_enterprise:write", "staff"},
  };
  return catalogue;
}

RoleService::RoleService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit)
    : database_(database), clock_(clock), audit_(audit) {}

std::vector<Role> RoleService::List(const core::Actor& actor) const {
  core::RequirePermission(actor, "role:read");
  db::Session session(database_);
  return repository_.List(session.sql());
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
  if (repository_.Find(session.sql(), input.name)) throw AppError(ErrorKind::kConflict, "role.name_taken");
  const std::int64_t now = clock_.NowSeconds();
  repository_.InsertStaffRole(session.sql(), input.name, input.display_name, now);
  repository_.ReplacePermissions(session.sql(), input.name, permissions);
  audit_.Record(session.sql(), actor, {"role.create", "role", std::nullopt, "ok", input.name + ": " + Joined(permissions)});
  transaction.Commit();
  return *repository_.Find(session.sql(), input.name);
}

Role RoleService::Update(const core::Actor& actor, const std::string& name, const RolePatch& patch) const {
  core::RequirePermission(actor, "role:write");
  if (patch.display_name && (patch.display_name->empty() || patch.display_name->size() > 150)) {
    throw AppError(ErrorKind::kInvalidArgument, "role.invalid_display_name");
  }
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto role = repository_.Find(session.sql(), name);
  if (!role) throw AppError(ErrorKind::kNotFound, "role.not_found");
  if (role->duty != "staff") throw AppError(ErrorKind::kPermissionDenied, "role.administrator_role");
  std::optional<std::vector<std::string>> permissions;
  if (patch.permissions) permissions = StaffPermissions(*patch.permissions);
  if (patch.display_name) {
    repository_.UpdateDisplayName(session.sql(), name, *patch.display_name);
  }
  if (permissions) repository_.ReplacePermissions(session.sql(), name, *permissions);
  audit_.Record(session.sql(), actor,
                {"role.update", "role", std::nullopt, "ok",
                 name + ": " + Joined(role->permissions) + " → " + Joined(permissions.value_or(role->permissions))});
  transaction.Commit();
  return *repository_.Find(session.sql(), name);
}

void RoleService::Delete(const core::Actor& actor, const std::string& name) const {
  core::RequirePermission(actor, "role:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto role = repository_.Find(session.sql(), name);
  if (!role) throw AppError(ErrorKind::kNotFound, "role.not_found");
  if (role->builtin) throw AppError(ErrorKind::kPermissionDenied, "role.builtin");
  if (role->user_count > 0) throw AppError(ErrorKind::kConflict, "role.in_use");
  repository_.Delete(session.sql(), name);
  audit_.Record(session.sql(), actor, {"role.delete", "role", std::nullopt, "ok", name});
  transaction.Commit();
}

}  // namespace liandong::role
