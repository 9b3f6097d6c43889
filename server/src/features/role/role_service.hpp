// Roles and their permissions, managed by the security administrator (三员分立). A permission
// belongs to one duty; a staff role holds staff permissions only, and the three administrator
// roles are built in and cannot be changed, so no role can ever combine two administrators' work.
// Roles are deployment-wide; their scope is always the user's org subtree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/role/role_model.hpp"
#include "features/role/role_repository.hpp"

namespace liandong::role {

struct PermissionDefinition {
  std::string name;  // "member:unmask"
  std::string duty;  // staff, system, security, audit
};

// Every permission the code checks, with its duty.
const std::vector<PermissionDefinition>& PermissionCatalogue();

struct RoleInput {
  std::string name;
  std::string display_name;
  std::vector<std::string> permissions;
};

struct RolePatch {
  std::optional<std::string> display_name;
  std::optional<std::vector<std::string>> permissions;
};

class RoleService {
 public:
  RoleService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit);

  // Every role with its permissions, for the security administrator.
  std::vector<Role> List(const core::Actor& actor) const;
  // A new staff role holding staff permissions only.
  Role Create(const core::Actor& actor, const RoleInput& input) const;
  // Renames a staff role or replaces its permissions; administrator roles are fixed.
  Role Update(const core::Actor& actor, const std::string& name, const RolePatch& patch) const;
  // Only a role that is not built in and that no user holds.
  void Delete(const core::Actor& actor, const std::string& name) const;

 private:
  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_;
  RoleRepository repository_;
};

}  // namespace liandong::role
