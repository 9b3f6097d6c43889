#include "features/auth/auth_service.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "core/password_policy.hpp"

namespace liandong::auth {

using core::AppError;
using core::ErrorKind;

AuthService::AuthService(db::Database& database, const core::Clock& clock, const audit::AuditService& audit,
                         SessionPolicy policy)
    : database_(database),
      clock_(clock),
      audit_(audit),
      policy_(policy),
      dummy_hash_(core::HashPassword(core::RandomToken())) {}

LoginResult AuthService::Login(const std::string& username, const std::string& password,
                               const std::string& remote_address, const std::string& request_id) const {
  const std::int64_t now = clock_.NowSeconds();
  db::Session session(database_);
  // Records the failed attempt (and counts it against the account), then refuses.
  const auto refuse = [&](const std::string& result, std::optional<std::int64_t> user_id, ErrorKind kind,
                          const char* code) {
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    if (user_id && result == "failed") {
      repository_.RecordLoginFailure(session.sql(), *user_id, policy_.max_failed_logins, now + policy_.lockout.count());
    }
    audit_.RecordAnonymous(session.sql(), {"auth.login", "user_account", user_id, result, ""}, remote_address,
                           request_id);
    transaction.Commit();
    core::log::Info("auth.login_failed", {{"remote", remote_address}, {"result", result}});
    throw AppError(kind, code);
  };
  if (repository_.CountFailedLogins(session.sql(), remote_address, now - 60) >=
      policy_.max_failed_logins_per_address_per_minute) {
    refuse("rate_limited", std::nullopt, ErrorKind::kRateLimited, "request.rate_limited");
  }
  const auto user = repository_.FindUserByUsername(session.sql(), username);
  // Hash even when there is no such user, so that timing does not tell who exists.
  const bool password_ok = core::VerifyPassword(password, user ? user->password_hash : dummy_hash_);
  const std::optional<std::int64_t> user_id = user ? std::optional<std::int64_t>(user->id) : std::nullopt;
  if (user && user->locked_until && *user->locked_until > now) {
    // The same answer as a wrong password: a locked account is not announced.
    refuse("locked", user_id, ErrorKind::kUnauthenticated, "auth.invalid_credentials");
  }
  if (!user || !password_ok || user->disabled) {
    refuse(user && user->disabled ? "disabled" : "failed", user_id, ErrorKind::kUnauthenticated,
           "auth.invalid_credentials");
  }
  LoginResult result{
      core::RandomToken(), core::RandomToken(), *user, {}, PasswordExpired(user->password_changed_at, now)};
  result.permissions = PermissionsOf(session.sql(), user->role);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  if (user->failed_logins > 0 || user->locked_until) repository_.ResetLoginFailures(session.sql(), user->id);
  repository_.InsertSession(session.sql(), user->id, core::Sm3Hex(result.session_token), result.csrf_token,
                            remote_address, now);
  repository_.TrimSessions(session.sql(), user->id, policy_.max_sessions_per_user);
  audit_.RecordAnonymous(session.sql(), {"auth.login", "user_account", user->id, "ok", ""}, remote_address, request_id);
  transaction.Commit();
  core::log::Info("auth.login", {{"user_id", user->id}, {"remote", remote_address}});
  return result;
}

core::Authentication AuthService::Authenticate(std::string_view session_token) const {
  db::Session session(database_);
  auto record = repository_.FindSessionByTokenHash(session.sql(), core::Sm3Hex(session_token));
  if (!record || record->user_disabled) throw AppError(ErrorKind::kUnauthenticated, "auth.unauthenticated");
  const std::int64_t now = clock_.NowSeconds();
  const bool idle = now - record->last_seen_at > policy_.idle_timeout.count();
  const bool too_old = now - record->created_at > policy_.absolute_timeout.count();
  if (idle || too_old) {
    repository_.DeleteSession(session.sql(), record->id);
    throw AppError(ErrorKind::kUnauthenticated, "auth.session_expired", idle ? "idle" : "absolute");
  }
  if (now - record->last_seen_at >= policy_.touch_interval.count()) {
    repository_.TouchSession(session.sql(), record->id, now);
  }
  core::Authentication authentication;
  authentication.actor =
      core::Actor{record->user_id, record->username, record->role, record->org_id, record->org_path, record->id};
  authentication.actor.permissions = PermissionsOf(session.sql(), record->role);
  authentication.actor.password_expired = PasswordExpired(record->password_changed_at, now);
  authentication.csrf_token = std::move(record->csrf_token);
  return authentication;
}

std::vector<std::string> AuthService::PermissionsOf(soci::session& sql, const std::string& role) const {
  const std::int64_t now = clock_.NowSeconds();
  {
    std::lock_guard lock(permissions_mutex_);
    auto cached = permissions_cache_.find(role);
    if (cached != permissions_cache_.end() && now - cached->second.loaded_at < 60) return cached->second.permissions;
  }
  std::vector<std::string> permissions = repository_.FindPermissions(sql, role);
  std::lock_guard lock(permissions_mutex_);
  permissions_cache_[role] = CachedPermissions{now, permissions};
  return permissions;
}

void AuthService::Logout(const core::Actor& actor) const {
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  repository_.DeleteSession(session.sql(), actor.session_id);
  audit_.Record(session.sql(), actor, {"auth.logout", "user_account", actor.user_id, "ok", ""});
  transaction.Commit();
  core::log::Info("auth.logout", {{"user_id", actor.user_id}});
}

UserAccount AuthService::GetUser(std::int64_t user_id) const {
  db::Session session(database_);
  auto user = repository_.FindUserById(session.sql(), user_id);
  if (!user) throw AppError(ErrorKind::kUnauthenticated, "auth.unauthenticated");
  return *user;
}

std::int64_t AuthService::CreateUser(soci::session& sql, const NewUser& user) const {
  if (const auto weakness = core::CheckPasswordStrength(user.password, user.username)) {
    throw AppError(ErrorKind::kInvalidArgument, *weakness);
  }
  const std::string hash = core::HashPassword(user.password);
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t id = repository_.InsertUser(sql, user, hash, now);
  repository_.AddPasswordHistory(sql, id, hash, now);
  return id;
}

void AuthService::ChangePassword(const core::Actor& actor, const std::string& current_password,
                                 const std::string& new_password) const {
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto user = repository_.FindUserById(session.sql(), actor.user_id);
  if (!user) throw AppError(ErrorKind::kUnauthenticated, "auth.unauthenticated");
  const auto refuse = [&](const char* code) {
    audit_.Record(session.sql(), actor, {"auth.change_password", "user_account", actor.user_id, code, ""});
    transaction.Commit();
    throw AppError(ErrorKind::kInvalidArgument, code);
  };
  if (!core::VerifyPassword(current_password, user->password_hash)) refuse("auth.wrong_password");
  if (const auto weakness = core::CheckPasswordStrength(new_password, user->username)) refuse(weakness->c_str());
  for (const std::string& old_hash :
       repository_.RecentPasswordHashes(session.sql(), user->id, policy_.password_history)) {
    if (core::VerifyPassword(new_password, old_hash)) refuse("password.reused");
  }
  repository_.SetPassword(session.sql(), user->id, core::HashPassword(new_password), clock_.NowSeconds());
  repository_.DeleteOtherSessions(session.sql(), user->id, actor.session_id);
  audit_.Record(session.sql(), actor, {"auth.change_password", "user_account", actor.user_id, "ok", ""});
  transaction.Commit();
}

}  // namespace liandong::auth
