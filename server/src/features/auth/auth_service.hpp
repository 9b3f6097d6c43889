// Logins and sessions: argon2id passwords, random 256-bit session tokens stored as SM3 hashes,
// idle and absolute timeouts, a CSRF token per session.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/auth/auth_model.hpp"
#include "features/auth/auth_repository.hpp"
#include "features/auth/second_factor_repository.hpp"
#include "features/setting/setting_service.hpp"

namespace liandong::auth {

class AuthService {
 public:
  AuthService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit,
              const core::FieldCipher& cipher, const setting::SettingService& settings, SessionPolicy policy);

  // Checks the credentials and opens a session. Any failure is AppError(unauthenticated,
  // "auth.invalid_credentials"), whether or not the user exists or is locked, in about the same
  // time; too many failures from one address is rate_limited. Every attempt is audited.
  LoginResult Login(const std::string& username, const std::string& password, const std::string& remote_address,
                    const std::string& request_id) const;

  // The actor behind a session token; unauthenticated / session_expired when it has none.
  core::Authentication Authenticate(std::string_view session_token) const;

  // Ends the actor's current session.
  void Logout(const core::Actor& actor) const;

  // The second step of a login: a TOTP code (never one already used) or an unused recovery code.
  // Success replaces the half-open session by a full one with a new token; failures count
  // towards the account lockout like wrong passwords, and all are audited.
  LoginResult VerifySecondFactor(const core::Actor& actor, const std::string& code, bool recovery_code) const;

  // TOTP enrolment of the actor's own account: a new secret, then its confirmation by a first code,
  // which hands back ten one-time recovery codes (shown once, stored as hashes).
  SecondFactorEnrolment StartEnrolment(const core::Actor& actor) const;
  std::vector<std::string> ConfirmEnrolment(const core::Actor& actor, const std::string& code) const;
  SecondFactorStatus GetSecondFactorStatus(const core::Actor& actor) const;

  UserAccount GetUser(std::int64_t user_id) const;

  // Changes the actor's own password: the current one must match, the new one must pass the
  // policy (core/password_policy.hpp) and differ from the last few. Ends the user's other sessions.
  void ChangePassword(const core::Actor& actor, const std::string& current_password,
                      const std::string& new_password) const;

  // Creates a user (used by the demo city and by the system administrator).
  std::int64_t CreateUser(soci::session& sql, const NewUser& user) const;
  // For the system administrator, in the caller's transaction: a new random password that must be
  // changed at the next login (returned, shown once); ending every session of a user; removing a
  // user's second factor so that it is enrolled anew.
  std::string ResetPassword(soci::session& sql, std::int64_t user_id) const;
  void EndSessions(soci::session& sql, std::int64_t user_id) const;
  void ResetSecondFactor(soci::session& sql, std::int64_t user_id) const;
  // Starts loading users in bulk with chosen ids and already hashed passwords, in the caller's
  // open transaction, without checks: for generated data sets (demo --scale) only.
  std::unique_ptr<UserBulkLoad> StartBulkLoad(db::Session& session, std::int64_t now) const {
    return std::make_unique<UserBulkLoad>(session, now);
  }
  // Key rotation (liandong keys rotate), in the caller's write transaction: re-encrypts every
  // TOTP secret from `from` to `to`. Returns how many there are.
  std::int64_t ResealSecondFactors(soci::session& sql, const core::FieldCipher& from,
                                   const core::FieldCipher& to) const;

  const SessionPolicy& policy() const { return policy_; }

 private:
  bool PasswordExpired(soci::session& sql, std::int64_t changed_at, std::int64_t now) const;
  bool SecondFactorRequired(soci::session& sql, const std::string& role_duty) const;
  std::string Secret(const TotpRecord& totp) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_;
  const core::FieldCipher& cipher_;
  const setting::SettingService& settings_;
  SessionPolicy policy_;
  AuthRepository repository_;
  SecondFactorRepository second_factors_;
  std::string dummy_hash_;  // verified against when the user does not exist
};

}  // namespace liandong::auth
