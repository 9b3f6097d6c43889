// SQL of roles (role, role_permission). The number of users holding a role is read from
// user_account; nothing here writes it.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/role/role_model.hpp"

namespace liandong::role {

class RoleRepository {
 public:
  // Every role with its permissions: built-in roles first, then by name.
  std::vector<Role> List(soci::session& sql) const;
  std::optional<Role> Find(soci::session& sql, const std::string& name) const;
  // A new staff role, with no permissions yet.
  void InsertStaffRole(soci::session& sql, const std::string& name, const std::string& display_name,
                       std::int64_t now) const;
  void UpdateDisplayName(soci::session& sql, const std::string& name, const std::string& display_name) const;
  // The role's permissions become exactly `permissions`.
  void ReplacePermissions(soci::session& sql, const std::string& name,
                          const std::vector<std::string>& permissions) const;
  // Deletes the role and its permissions.
  void Delete(soci::session& sql, const std::string& name) const;
};

}  // namespace liandong::role
