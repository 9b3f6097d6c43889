#include "features/user/user_service.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "features/org/org_model.hpp"

namespace liandong::user {

using core::AppError;
using core::ErrorKind;

bool IsValidUsername(const std::string& username) {
  if (username.size() < 3 || username.size() > 64) return false;
  for (std::size_t i = 0; i < username.size(); ++i) {
    const char c = username[i];
    const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alphanumeric && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
  }
  return true;
}

UserService::UserService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit,
                         const org::OrgService& org_service, const auth::AuthService& auth_service)
    : database_(database), clock_(clock), audit_(audit), org_service_(org_service), auth_service_(auth_service) {}

UserPage UserService::List(const core::Actor& actor, const UserFilter& filter) const {
  core::RequirePermission(actor, "user:read");
  db::Session session(database_);
  return repository_.List(session.sql(), org_service_.ScopeOf(session.sql(), actor, filter.org_id), filter,
                          clock_.NowSeconds());
}

UserView UserService::Visible(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  core::RequireInScope(core::OrgScope::Of(actor), repository_.OrgPathOfUser(sql, id),
                       [](const std::string& path) { return path; }, "user.not_found");
  return *repository_.Find(sql, id, clock_.NowSeconds());
}

UserView UserService::Changeable(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  UserView user = Visible(sql, actor, id);
  if (user.id == actor.user_id) throw AppError(ErrorKind::kPermissionDenied, "user.own_account");
  if (user.role_duty != "staff") throw AppError(ErrorKind::kPermissionDenied, "user.administrator_account");
  return user;
}

void UserService::RequireStaffRole(soci::session& sql, const std::string& role) const {
  const auto duty = repository_.RoleDuty(sql, role);
  if (!duty) throw AppError(ErrorKind::kInvalidArgument, "user.invalid_role");
  if (*duty != "staff") throw AppError(ErrorKind::kPermissionDenied, "user.administrator_role");
}

void UserService::RequireOrgInScope(soci::session& sql, const core::Actor& actor, std::int64_t org_id) const {
  const org::Org org = org_service_.RequireInScope(sql, core::OrgScope::Of(actor), org_id);
  if (org.archived) {
    throw AppError(ErrorKind::kNotFound, "org.not_found");
  }
}

UserView UserService::Get(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "user:read");
  db::Session session(database_);
  return Visible(session.sql(), actor, id);
}

UserWithPassword UserService::Create(const core::Actor& actor, const UserInput& input) const {
  core::RequirePermission(actor, "user:write");
  if (!IsValidUsername(input.username)) throw AppError(ErrorKind::kInvalidArgument, "user.invalid_username");
  if (input.display_name.empty() || core::CharacterCount(input.display_name) > 50) {
    throw AppError(ErrorKind::kInvalidArgument, "user.invalid_display_name");
  }
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  RequireOrgInScope(session.sql(), actor, input.org_id);
  RequireStaffRole(session.sql(), input.role);
  if (repository_.UsernameTaken(session.sql(), input.username)) {
    throw AppError(ErrorKind::kConflict, "user.username_taken");
  }
  auth::NewUser user{input.org_id, input.username, input.display_name, input.role, core::RandomPassword(), true};
  const std::int64_t id = auth_service_.CreateUser(session.sql(), user);
  audit_.Record(session.sql(), actor, {"user.create", "user_account", id, "ok", input.username + " " + input.role});
  transaction.Commit();
  return UserWithPassword{*repository_.Find(session.sql(), id, clock_.NowSeconds()), user.password};
}

UserView UserService::Update(const core::Actor& actor, std::int64_t id, const UserPatch& patch) const {
  core::RequirePermission(actor, "user:write");
  if (patch.display_name && (patch.display_name->empty() || core::CharacterCount(*patch.display_name) > 50)) {
    throw AppError(ErrorKind::kInvalidArgument, "user.invalid_display_name");
  }
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const UserView before = Changeable(session.sql(), actor, id);
  if (patch.org_id) RequireOrgInScope(session.sql(), actor, *patch.org_id);
  if (patch.role) RequireStaffRole(session.sql(), *patch.role);
  repository_.Update(session.sql(), id, patch);
  // A disabled user, or one moved or given another role, starts again from the login.
  if (patch.disabled.value_or(false) || (patch.org_id && *patch.org_id != before.org_id) ||
      (patch.role && *patch.role != before.role)) {
    auth_service_.EndSessions(session.sql(), id);
  }
  std::string detail;
  if (patch.org_id) detail += "org " + std::to_string(before.org_id) + "→" + std::to_string(*patch.org_id) + "; ";
  if (patch.role) detail += "role " + before.role + "→" + *patch.role + "; ";
  if (patch.disabled) detail += *patch.disabled ? "disabled; " : "enabled; ";
  if (patch.display_name) detail += "display name; ";
  audit_.Record(session.sql(), actor, {"user.update", "user_account", id, "ok", detail});
  transaction.Commit();
  return *repository_.Find(session.sql(), id, clock_.NowSeconds());
}

UserWithPassword UserService::ResetPassword(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "user:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  Changeable(session.sql(), actor, id);
  std::string password = auth_service_.ResetPassword(session.sql(), id);
  audit_.Record(session.sql(), actor, {"user.reset_password", "user_account", id, "ok", ""});
  transaction.Commit();
  return UserWithPassword{*repository_.Find(session.sql(), id, clock_.NowSeconds()), std::move(password)};
}

UserView UserService::ResetSecondFactor(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "user:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  Changeable(session.sql(), actor, id);
  auth_service_.ResetSecondFactor(session.sql(), id);
  audit_.Record(session.sql(), actor, {"user.reset_second_factor", "user_account", id, "ok", ""});
  transaction.Commit();
  return *repository_.Find(session.sql(), id, clock_.NowSeconds());
}

void UserService::CheckNewAccount(soci::session& sql, const std::string& username, const std::string& role) const {
  if (!repository_.RoleDuty(sql, role)) throw AppError(ErrorKind::kInvalidArgument, "user.invalid_role");
  if (repository_.UsernameTaken(sql, username)) throw AppError(ErrorKind::kConflict, "user.username_taken");
}

}  // namespace liandong::user
