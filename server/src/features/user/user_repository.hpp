// SQL for the administration of staff accounts.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

#include "core/org_scope.hpp"
#include "features/user/user_model.hpp"

namespace liandong::user {

class UserRepository {
 public:
  UserPage List(soci::session& sql, const core::OrgScope& scope, const UserFilter& filter, std::int64_t now) const;
  std::optional<UserView> Find(soci::session& sql, std::int64_t id, std::int64_t now) const;
  std::optional<std::string> OrgPathOfUser(soci::session& sql, std::int64_t id) const;
  bool UsernameTaken(soci::session& sql, const std::string& username) const;
  // The duty of a role, or nullopt if there is no such role.
  std::optional<std::string> RoleDuty(soci::session& sql, const std::string& role) const;
  void Update(soci::session& sql, std::int64_t id, const UserPatch& patch) const;
};

}  // namespace liandong::user
