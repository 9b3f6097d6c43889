// The system administrator's work on staff accounts (三员分立): list, create, edit, disable, reset
// a password or a second factor — for users inside the administrator's subtree whose role is a
// staff role. Administrator accounts are never managed here (they come from `liandong user add`),
// and nobody manages their own account here. Every change is audited.
#pragma once

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/auth/auth_service.hpp"
#include "features/org/org_service.hpp"
#include "features/user/user_model.hpp"
#include "features/user/user_repository.hpp"

namespace liandong::user {

class UserService {
 public:
  UserService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit,
              const org::OrgService& org_service, const auth::AuthService& auth_service);

  UserPage List(const core::Actor& actor, const UserFilter& filter) const;
  UserView Get(const core::Actor& actor, std::int64_t id) const;
  UserWithPassword Create(const core::Actor& actor, const UserInput& input) const;
  UserView Update(const core::Actor& actor, std::int64_t id, const UserPatch& patch) const;
  UserWithPassword ResetPassword(const core::Actor& actor, std::int64_t id) const;
  UserView ResetSecondFactor(const core::Actor& actor, std::int64_t id) const;

  // For `liandong user add`, which may create any role: user.invalid_role when `role` does not
  // exist, user.username_taken when `username` is in use.
  void CheckNewAccount(soci::session& sql, const std::string& username, const std::string& role) const;

 private:
  // The user, if inside the actor's subtree; user.not_found otherwise.
  UserView Visible(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  // Visible, and an account the actor may change: a staff account other than the actor's own.
  UserView Changeable(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  void RequireStaffRole(soci::session& sql, const std::string& role) const;
  void RequireOrgInScope(soci::session& sql, const core::Actor& actor, std::int64_t org_id) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_;
  const org::OrgService& org_service_;
  const auth::AuthService& auth_service_;
  UserRepository repository_;
};

// Usernames: 3–64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit.
bool IsValidUsername(const std::string& username);

}  // namespace liandong::user
