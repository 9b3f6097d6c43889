#include "features/auth/auth_service.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "core/password_policy.hpp"
#include "core/totp.hpp"

namespace liandong::auth {

using core::AppError;
using core::ErrorKind;

namespace {

constexpr int kRecoveryCodes = 10;
constexpr std::string_view kTotpIssuer = "Liandong";

// A recovery code: 16 base32 characters (80 bits) in groups of four.
std::string NewRecoveryCode() {
  const std::string raw = core::Base32Encode(core::RandomBytes(10));
  return raw.substr(0, 4) + "-" + raw.substr(4, 4) + "-" + raw.substr(8, 4) + "-" + raw.substr(12, 4);
}

// Codes are compared in one spelling: upper case, without spaces or dashes.
std::string RecoveryCodeHash(std::string_view code) {
  std::string canonical;
  for (const char c : code) {
    if (c == '-' || c == ' ') continue;
    canonical += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return core::Sm3Hex(canonical);
}

}  // namespace

AuthService::AuthService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit,
                         const core::FieldCipher& cipher, const setting::SettingService& settings, SessionPolicy policy)
    : database_(database),
      clock_(clock),
      audit_(audit),
      cipher_(cipher),
      settings_(settings),
      policy_(policy),
      dummy_hash_(core::HashPassword(core::RandomToken())) {}

LoginResult AuthService::Login(const std::string& username, const std::string& password,
                               const std::string& remote_address, const std::string& request_id) const {
  const std::int64_t now = clock_.NowSeconds();
  db::Session session(database_);
  // Records the failed attempt (and counts it against the account), then refuses.
  // A known user's attempts are recorded under that user and org, so that auditors of the org see
  // them; attempts on names that do not exist have no org.
  const auto refuse = [&](const std::string& result, const std::optional<UserAccount>& who, ErrorKind kind,
                          const char* code) {
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    if (who && result == "failed") {
      repository_.RecordLoginFailure(session.sql(), who->id, policy_.max_failed_logins, now + policy_.lockout.count());
    }
    if (who) {
      audit_.RecordForUser(session.sql(), who->id, who->org_id, {"auth.login", "user_account", who->id, result, ""},
                           remote_address, request_id);
    } else {
      audit_.RecordAnonymous(session.sql(), {"auth.login", "user_account", std::nullopt, result, ""}, remote_address,
                             request_id);
    }
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
  if (user && user->locked_until && *user->locked_until > now) {
    // The same answer as a wrong password: a locked account is not announced.
    refuse("locked", user, ErrorKind::kUnauthenticated, "auth.invalid_credentials");
  }
  if (!user || !password_ok || user->disabled) {
    refuse(user && user->disabled ? "disabled" : "failed", user, ErrorKind::kUnauthenticated,
           "auth.invalid_credentials");
  }
  LoginResult result{
      core::RandomToken(), core::RandomToken(), *user, {}, PasswordExpired(session.sql(), user->password_changed_at, now)};
  result.permissions = repository_.FindPermissions(session.sql(), user->role);
  const bool has_second_factor = repository_.HasSecondFactor(session.sql(), user->id);
  if (has_second_factor) {
    result.second_factor = "required";
  } else if (SecondFactorRequired(session.sql(), repository_.RoleDuty(session.sql(), user->role))) {
    result.second_factor = "enrol";
  }
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  // Failures are forgiven only once the whole login succeeds (after the second factor, if any).
  if (!has_second_factor && (user->failed_logins > 0 || user->locked_until)) {
    repository_.ResetLoginFailures(session.sql(), user->id);
  }
  repository_.InsertSession(session.sql(), user->id, core::Sm3Hex(result.session_token), result.csrf_token,
                            remote_address, now, has_second_factor);
  repository_.TrimSessions(session.sql(), user->id, policy_.max_sessions_per_user);
  audit_.RecordForUser(session.sql(), user->id, user->org_id,
                       {"auth.login", "user_account", user->id, "ok", has_second_factor ? "second factor pending" : ""},
                       remote_address, request_id);
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
  // Writes go through a write transaction, so that on SQLite they take their turn with the others.
  if (idle || too_old) {
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    repository_.DeleteSession(session.sql(), record->id);
    transaction.Commit();
    throw AppError(ErrorKind::kUnauthenticated, "auth.session_expired", idle ? "idle" : "absolute");
  }
  if (now - record->last_seen_at >= policy_.touch_interval.count()) {
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    repository_.TouchSession(session.sql(), record->id, now);
    transaction.Commit();
  }
  core::Authentication authentication;
  authentication.actor =
      core::Actor{record->user_id, record->username, record->role, record->org_id, record->org_path, record->id};
  authentication.actor.permissions = std::move(record->permissions);
  authentication.actor.password_expired = PasswordExpired(session.sql(), record->password_changed_at, now);
  authentication.actor.second_factor_pending = record->second_factor_pending;
  authentication.actor.second_factor_enrolment_required =
      !record->has_second_factor && SecondFactorRequired(session.sql(), record->role_duty);
  authentication.csrf_token = std::move(record->csrf_token);
  return authentication;
}

bool AuthService::PasswordExpired(soci::session& sql, std::int64_t changed_at, std::int64_t now) const {
  return now - changed_at > settings_.Integer(sql, setting::kPasswordMaxAgeDays) * 24 * 60 * 60;
}

bool AuthService::SecondFactorRequired(soci::session& sql, const std::string& role_duty) const {
  // The three administrators always; staff when the deployment's policy says so.
  return role_duty != "staff" || settings_.Bool(sql, setting::kSecondFactorForAllStaff);
}

LoginResult AuthService::VerifySecondFactor(const core::Actor& actor, const std::string& code,
                                            bool recovery_code) const {
  const std::int64_t now = clock_.NowSeconds();
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto user = repository_.FindUserByUsername(session.sql(), actor.username);
  const auto totp = second_factors_.FindTotp(session.sql(), actor.user_id);
  if (!actor.second_factor_pending || !user || !totp || !totp->confirmed_at) {
    throw AppError(ErrorKind::kInvalidArgument, "auth.second_factor_not_pending");
  }
  bool accepted = false;
  if (recovery_code) {
    accepted = second_factors_.UseRecoveryCode(session.sql(), actor.user_id, RecoveryCodeHash(code), now);
  } else {
    const auto step = core::MatchTotp(Secret(*totp), code, now, totp->last_step);
    accepted = step && second_factors_.UseStep(session.sql(), actor.user_id, *step);
  }
  const char* method = recovery_code ? "recovery code" : "totp";
  if (!accepted) {
    repository_.RecordLoginFailure(session.sql(), actor.user_id, policy_.max_failed_logins,
                                   now + policy_.lockout.count());
    const auto after = repository_.FindUserByUsername(session.sql(), actor.username);
    const bool locked = after && after->locked_until && *after->locked_until > now;
    // A locked account loses its half-open session: the next try starts from the password.
    if (locked) repository_.DeleteSession(session.sql(), actor.session_id);
    audit_.Record(session.sql(), actor, {"auth.second_factor", "user_account", actor.user_id, "failed", method});
    transaction.Commit();
    throw AppError(ErrorKind::kUnauthenticated, locked ? "auth.invalid_credentials" : "auth.invalid_second_factor");
  }
  if (user->locked_until && *user->locked_until > now) {
    repository_.DeleteSession(session.sql(), actor.session_id);
    audit_.Record(session.sql(), actor, {"auth.second_factor", "user_account", actor.user_id, "locked", method});
    transaction.Commit();
    throw AppError(ErrorKind::kUnauthenticated, "auth.invalid_credentials");
  }
  LoginResult result{core::RandomToken(), core::RandomToken(), *user, {},
                     PasswordExpired(session.sql(), user->password_changed_at, now)};
  result.permissions = repository_.FindPermissions(session.sql(), user->role);
  repository_.ResetLoginFailures(session.sql(), user->id);
  repository_.DeleteSession(session.sql(), actor.session_id);
  repository_.InsertSession(session.sql(), user->id, core::Sm3Hex(result.session_token), result.csrf_token,
                            actor.remote_address, now, false);
  repository_.TrimSessions(session.sql(), user->id, policy_.max_sessions_per_user);
  audit_.Record(session.sql(), actor, {"auth.second_factor", "user_account", actor.user_id, "ok", method});
  transaction.Commit();
  return result;
}

std::string AuthService::Secret(const TotpRecord& totp) const {
  auto secret = cipher_.Decrypt(totp.secret_ciphertext);
  if (!secret) throw AppError(ErrorKind::kInternal, "server.internal", "a TOTP secret does not decrypt");
  return std::move(*secret);
}

SecondFactorEnrolment AuthService::StartEnrolment(const core::Actor& actor) const {
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto existing = second_factors_.FindTotp(session.sql(), actor.user_id);
  if (existing && existing->confirmed_at) throw AppError(ErrorKind::kConflict, "auth.second_factor_enrolled");
  const std::string secret = core::RandomBytes(20);
  second_factors_.SavePendingTotp(session.sql(), actor.user_id, cipher_.Encrypt(secret));
  audit_.Record(session.sql(), actor, {"auth.second_factor_enrol", "user_account", actor.user_id, "started", ""});
  transaction.Commit();
  return SecondFactorEnrolment{core::Base32Encode(secret), core::TotpUri(kTotpIssuer, actor.username, secret)};
}

std::vector<std::string> AuthService::ConfirmEnrolment(const core::Actor& actor, const std::string& code) const {
  const std::int64_t now = clock_.NowSeconds();
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto totp = second_factors_.FindTotp(session.sql(), actor.user_id);
  if (!totp) throw AppError(ErrorKind::kInvalidArgument, "auth.second_factor_not_started");
  if (totp->confirmed_at) throw AppError(ErrorKind::kConflict, "auth.second_factor_enrolled");
  const auto step = core::MatchTotp(Secret(*totp), code, now, totp->last_step);
  if (!step || !second_factors_.UseStep(session.sql(), actor.user_id, *step)) {
    audit_.Record(session.sql(), actor, {"auth.second_factor_enrol", "user_account", actor.user_id, "failed", ""});
    transaction.Commit();
    throw AppError(ErrorKind::kInvalidArgument, "auth.invalid_second_factor");
  }
  second_factors_.ConfirmTotp(session.sql(), actor.user_id, now);
  std::vector<std::string> codes;
  std::vector<std::string> hashes;
  for (int i = 0; i < kRecoveryCodes; ++i) {
    codes.push_back(NewRecoveryCode());
    hashes.push_back(RecoveryCodeHash(codes.back()));
  }
  second_factors_.ReplaceRecoveryCodes(session.sql(), actor.user_id, hashes);
  audit_.Record(session.sql(), actor, {"auth.second_factor_enrol", "user_account", actor.user_id, "ok", ""});
  transaction.Commit();
  return codes;
}

SecondFactorStatus AuthService::GetSecondFactorStatus(const core::Actor& actor) const {
  db::Session session(database_);
  SecondFactorStatus status;
  const auto totp = second_factors_.FindTotp(session.sql(), actor.user_id);
  status.enrolled = totp && totp->confirmed_at;
  status.required = SecondFactorRequired(session.sql(), repository_.RoleDuty(session.sql(), actor.role));
  status.recovery_codes_left = second_factors_.CountUnusedRecoveryCodes(session.sql(), actor.user_id);
  return status;
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

std::string AuthService::ResetPassword(soci::session& sql, std::int64_t user_id) const {
  std::string password = core::RandomPassword();
  repository_.SetPassword(sql, user_id, core::HashPassword(password), clock_.NowSeconds());
  repository_.ExpirePassword(sql, user_id);
  repository_.DeleteAllSessions(sql, user_id);
  return password;
}

void AuthService::EndSessions(soci::session& sql, std::int64_t user_id) const {
  repository_.DeleteAllSessions(sql, user_id);
}

void AuthService::ResetSecondFactor(soci::session& sql, std::int64_t user_id) const {
  second_factors_.DeleteSecondFactor(sql, user_id);
  repository_.DeleteAllSessions(sql, user_id);
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

std::int64_t AuthService::ResealSecondFactors(soci::session& sql, const core::FieldCipher& from,
                                              const core::FieldCipher& to) const {
  const auto secrets = second_factors_.ListTotpSecrets(sql);
  for (const auto& [user_id, secret_ciphertext] : secrets) {
    second_factors_.UpdateTotpSecret(sql, user_id, core::Reseal(from, to, secret_ciphertext).sealed);
  }
  return static_cast<std::int64_t>(secrets.size());
}

}  // namespace liandong::auth
