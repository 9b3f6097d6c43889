// Logins and sessions: argon2id passwords, random 256-bit session tokens stored as SM3 hashes,
// idle and absolute timeouts, a CSRF token per session.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "features/audit/audit_service.hpp"
#include "features/auth/auth_model.hpp"
#include "features/auth/auth_repository.hpp"

namespace liandong::auth {

class AuthService {
 public:
  AuthService(db::Database& database, const core::Clock& clock, const audit::AuditService& audit, SessionPolicy policy);

  // Checks the credentials and opens a session. Any failure is AppError(unauthenticated,
  // "auth.invalid_credentials"), whether or not the user exists or is locked, in about the same
  // time; too many failures from one address is rate_limited. Every attempt is audited.
  LoginResult Login(const std::string& username, const std::string& password, const std::string& remote_address,
                    const std::string& request_id) const;

  // The actor behind a session token; unauthenticated / session_expired when it has none.
  core::Authentication Authenticate(std::string_view session_token) const;

  // Ends the actor's current session.
  void Logout(const core::Actor& actor) const;

  UserAccount GetUser(std::int64_t user_id) const;

  // Changes the actor's own password: the current one must match, the new one must pass the
  // policy (core/password_policy.hpp) and differ from the last few. Ends the user's other sessions.
  void ChangePassword(const core::Actor& actor, const std::string& current_password,
                      const std::string& new_password) const;

  // Creates a user (used by the demo city and, later, by administrators).
  std::int64_t CreateUser(soci::session& sql, const NewUser& user) const;

  const SessionPolicy& policy() const { return policy_; }

 private:
  bool PasswordExpired(std::int64_t changed_at, std::int64_t now) const {
    return now - changed_at > policy_.password_max_age.count();
  }
  // The permissions of a role, cached for a minute: roles change rarely, sessions check often.
  std::vector<std::string> PermissionsOf(soci::session& sql, const std::string& role) const;

  db::Database& database_;
  const core::Clock& clock_;
  const audit::AuditService& audit_;
  SessionPolicy policy_;
  AuthRepository repository_;
  std::string dummy_hash_;  // verified against when the user does not exist
  struct CachedPermissions {
    std::int64_t loaded_at = 0;
    std::vector<std::string> permissions;
  };
  mutable std::mutex permissions_mutex_;
  mutable std::map<std::string, CachedPermissions> permissions_cache_;
};

}  // namespace liandong::auth
