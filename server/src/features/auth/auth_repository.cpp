#include "features/auth/auth_repository.hpp"

#include <algorithm>
#include <string_view>

namespace liandong::auth {
namespace {

constexpr std::string_view kUserTable = "user_account";
constexpr std::string_view kPasswordHistoryTable = "password_history";
// The columns UserBulkLoad fills, in its order.
const std::vector<std::string> kBulkUserColumns = {"id",           "org_id",     "username",
                                                   "display_name", "role",       "password_hash",
                                                   "disabled",     "created_at", "password_changed_at"};
const std::vector<std::string> kBulkPasswordHistoryColumns = {"user_id", "password_hash", "changed_at"};

constexpr std::string_view kSelectUserByUsername = R"sql(
  SELECT id, org_id, username, display_name, role, password_hash, disabled, failed_logins, locked_until,
         password_changed_at
  FROM user_account
  WHERE username = :username
)sql";

constexpr std::string_view kSelectUserById = R"sql(
  SELECT id, org_id, username, display_name, role, password_hash, disabled
  FROM user_account
  WHERE id = :id
)sql";

constexpr std::string_view kInsertUser = R"sql(
  INSERT INTO user_account (org_id, username, display_name, role, password_hash, disabled, created_at,
                            password_changed_at)
  VALUES (:org_id, :username, :display_name, :role, :password_hash, 0, :created_at, :password_changed_at)
  RETURNING id
)sql";

constexpr std::string_view kInsertSession = R"sql(
  INSERT INTO user_session (token_hash, user_id, csrf_token, remote_address, created_at, last_seen_at,
                            second_factor_pending)
  VALUES (:token_hash, :user_id, :csrf_token, :remote_address, :created_at, :last_seen_at, :second_factor_pending)
  RETURNING id
)sql";

// With the role's permissions, read afresh on every request (an index range of a dozen rows in the
// same round trip): several servers share the database, and a permission granted or withdrawn
// through one of them counts on all from their next request.
constexpr std::string_view kSelectSessionByTokenHash = R"sql(
  SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at,
         u.username, u.role, u.disabled, o.id, o.path, u.password_changed_at,
         COALESCE(r.duty, 'staff'), s.second_factor_pending,
         CASE WHEN t.confirmed_at IS NULL THEN 0 ELSE 1 END,
         COALESCE((SELECT AGGREGATE_PERMISSIONS FROM role_permission p WHERE p.role = u.role), '')
  FROM user_session s
  JOIN user_account u ON u.id = s.user_id
  JOIN org o ON o.id = u.org_id
  LEFT JOIN role r ON r.name = u.role
  LEFT JOIN user_totp t ON t.user_id = u.id
  WHERE s.token_hash = :token_hash
)sql";

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

constexpr std::string_view kTouchSession = "UPDATE user_session SET last_seen_at = :now WHERE id = :id";
constexpr std::string_view kDeleteSession = "DELETE FROM user_session WHERE id = :id";
constexpr std::string_view kCountFailedLogins = R"sql(
  SELECT COUNT(*) FROM audit_log
  WHERE action = 'auth.login' AND remote_address = :remote_address AND at >= :since AND result <> 'ok'
)sql";
constexpr std::string_view kIncrementFailures =
    "UPDATE user_account SET failed_logins = failed_logins + 1 WHERE id = :id";
constexpr std::string_view kSelectFailures = "SELECT failed_logins FROM user_account WHERE id = :id";
constexpr std::string_view kLockAccount =
    "UPDATE user_account SET failed_logins = 0, locked_until = :locked_until WHERE id = :id";
constexpr std::string_view kResetFailures =
    "UPDATE user_account SET failed_logins = 0, locked_until = NULL WHERE id = :id";
constexpr std::string_view kTrimSessions = R"sql(
  DELETE FROM user_session
  WHERE user_id = :user_id
    AND id NOT IN (SELECT id FROM user_session WHERE user_id = :same_user_id ORDER BY id DESC LIMIT :keep)
)sql";
constexpr std::string_view kUpdatePassword =
    "UPDATE user_account SET password_hash = :password_hash, password_changed_at = :now WHERE id = :id";
constexpr std::string_view kInsertPasswordHistory = R"sql(
  INSERT INTO password_history (user_id, password_hash, changed_at) VALUES (:user_id, :password_hash, :changed_at)
)sql";
constexpr std::string_view kSelectPasswordHistory =
    "SELECT password_hash FROM password_history WHERE user_id = :user_id ORDER BY id DESC LIMIT :count";
constexpr std::string_view kDeleteOtherSessions =
    "DELETE FROM user_session WHERE user_id = :user_id AND id <> :keep_id";
constexpr std::string_view kExpirePassword =
    "UPDATE user_account SET password_changed_at = 0, failed_logins = 0, locked_until = NULL WHERE id = :id";
constexpr std::string_view kSelectRoleDuty = "SELECT duty FROM role WHERE name = :name";
constexpr std::string_view kSelectHasSecondFactor =
    "SELECT COUNT(*) FROM user_totp WHERE user_id = :user_id AND confirmed_at IS NOT NULL";
constexpr std::string_view kDeleteAllSessions = "DELETE FROM user_session WHERE user_id = :user_id";
constexpr std::string_view kSelectPermissions =
    "SELECT permission FROM role_permission WHERE role = :role ORDER BY permission";

}  // namespace

std::optional<UserAccount> AuthRepository::FindUserByUsername(soci::session& sql, const std::string& username) const {
  UserAccount user;
  int disabled = 0;
  long long locked_until = 0;
  soci::indicator locked_indicator = soci::i_null;
  sql << kSelectUserByUsername, soci::use(username, "username"), soci::into(user.id), soci::into(user.org_id),
      soci::into(user.username), soci::into(user.display_name), soci::into(user.role), soci::into(user.password_hash),
      soci::into(disabled), soci::into(user.failed_logins), soci::into(locked_until, locked_indicator),
      soci::into(user.password_changed_at);
  if (!sql.got_data()) return std::nullopt;
  user.disabled = disabled != 0;
  if (locked_indicator == soci::i_ok) user.locked_until = locked_until;
  return user;
}

std::optional<UserAccount> AuthRepository::FindUserById(soci::session& sql, std::int64_t id) const {
  UserAccount user;
  int disabled = 0;
  sql << kSelectUserById, soci::use(id, "id"), soci::into(user.id), soci::into(user.org_id), soci::into(user.username),
      soci::into(user.display_name), soci::into(user.role), soci::into(user.password_hash), soci::into(disabled);
  if (!sql.got_data()) return std::nullopt;
  user.disabled = disabled != 0;
  return user;
}

std::int64_t AuthRepository::InsertUser(soci::session& sql, const NewUser& user, const std::string& password_hash,
                                        std::int64_t now) const {
  long long id = 0;
  const std::int64_t changed_at = user.password_expired ? 0 : now;
  sql << kInsertUser, soci::use(user.org_id, "org_id"), soci::use(user.username, "username"),
      soci::use(user.display_name, "display_name"), soci::use(user.role, "role"),
      soci::use(password_hash, "password_hash"), soci::use(now, "created_at"), soci::use(changed_at, "password_changed_at"),
      soci::into(id);
  return id;
}

std::int64_t AuthRepository::InsertSession(soci::session& sql, std::int64_t user_id, const std::string& token_hash,
                                           const std::string& csrf_token, const std::string& remote_address,
                                           std::int64_t now, bool second_factor_pending) const {
  long long id = 0;
  const int pending = second_factor_pending ? 1 : 0;
  sql << kInsertSession, soci::use(token_hash, "token_hash"), soci::use(user_id, "user_id"),
      soci::use(csrf_token, "csrf_token"), soci::use(remote_address, "remote_address"), soci::use(now, "created_at"),
      soci::use(now, "last_seen_at"), soci::use(pending, "second_factor_pending"), soci::into(id);
  return id;
}

std::optional<SessionRecord> AuthRepository::FindSessionByTokenHash(soci::session& sql,
                                                                    const std::string& token_hash) const {
  SessionRecord record;
  int disabled = 0;
  int pending = 0;
  int has_second_factor = 0;
  static const std::string sqlite_text =
      ReplaceAll(std::string(kSelectSessionByTokenHash), "AGGREGATE_PERMISSIONS", "group_concat(p.permission, ',')");
  static const std::string postgres_text =
      ReplaceAll(std::string(kSelectSessionByTokenHash), "AGGREGATE_PERMISSIONS", "string_agg(p.permission, ',')");
  std::string permissions;
  sql << (sql.get_backend_name() == "postgresql" ? postgres_text : sqlite_text), soci::use(token_hash, "token_hash"),
      soci::into(record.id),
      soci::into(record.user_id), soci::into(record.csrf_token), soci::into(record.created_at),
      soci::into(record.last_seen_at), soci::into(record.username), soci::into(record.role), soci::into(disabled),
      soci::into(record.org_id), soci::into(record.org_path), soci::into(record.password_changed_at),
      soci::into(record.role_duty), soci::into(pending), soci::into(has_second_factor), soci::into(permissions);
  if (!sql.got_data()) return std::nullopt;
  for (std::size_t start = 0; start < permissions.size();) {
    const auto comma = permissions.find(',', start);
    const auto end = comma == std::string::npos ? permissions.size() : comma;
    record.permissions.push_back(permissions.substr(start, end - start));
    start = end + 1;
  }
  std::sort(record.permissions.begin(), record.permissions.end());
  record.user_disabled = disabled != 0;
  record.second_factor_pending = pending != 0;
  record.has_second_factor = has_second_factor != 0;
  return record;
}

void AuthRepository::TouchSession(soci::session& sql, std::int64_t session_id, std::int64_t now) const {
  sql << kTouchSession, soci::use(now, "now"), soci::use(session_id, "id");
}

void AuthRepository::DeleteSession(soci::session& sql, std::int64_t session_id) const {
  sql << kDeleteSession, soci::use(session_id, "id");
}

void AuthRepository::ExpirePassword(soci::session& sql, std::int64_t user_id) const {
  sql << kExpirePassword, soci::use(user_id, "id");
}

std::string AuthRepository::RoleDuty(soci::session& sql, const std::string& role) const {
  std::string duty;
  sql << kSelectRoleDuty, soci::use(role, "name"), soci::into(duty);
  return sql.got_data() ? duty : "staff";
}

bool AuthRepository::HasSecondFactor(soci::session& sql, std::int64_t user_id) const {
  long long count = 0;
  sql << kSelectHasSecondFactor, soci::use(user_id, "user_id"), soci::into(count);
  return count > 0;
}

void AuthRepository::DeleteAllSessions(soci::session& sql, std::int64_t user_id) const {
  sql << kDeleteAllSessions, soci::use(user_id, "user_id");
}

std::vector<std::string> AuthRepository::FindPermissions(soci::session& sql, const std::string& role) const {
  std::string permission;
  soci::statement statement = (sql.prepare << kSelectPermissions, soci::use(role, "role"), soci::into(permission));
  statement.execute();
  std::vector<std::string> permissions;
  while (statement.fetch()) permissions.push_back(permission);
  return permissions;
}

std::int64_t AuthRepository::CountFailedLogins(soci::session& sql, const std::string& remote_address,
                                               std::int64_t since) const {
  long long count = 0;
  sql << kCountFailedLogins, soci::use(remote_address, "remote_address"), soci::use(since, "since"), soci::into(count);
  return count;
}

void AuthRepository::RecordLoginFailure(soci::session& sql, std::int64_t user_id, int max_failures,
                                        std::int64_t locked_until) const {
  sql << kIncrementFailures, soci::use(user_id, "id");
  int failures = 0;
  sql << kSelectFailures, soci::use(user_id, "id"), soci::into(failures);
  if (failures >= max_failures) sql << kLockAccount, soci::use(locked_until, "locked_until"), soci::use(user_id, "id");
}

void AuthRepository::ResetLoginFailures(soci::session& sql, std::int64_t user_id) const {
  sql << kResetFailures, soci::use(user_id, "id");
}

void AuthRepository::TrimSessions(soci::session& sql, std::int64_t user_id, int keep) const {
  sql << kTrimSessions, soci::use(user_id, "user_id"), soci::use(user_id, "same_user_id"), soci::use(keep, "keep");
}

void AuthRepository::SetPassword(soci::session& sql, std::int64_t user_id, const std::string& password_hash,
                                 std::int64_t now) const {
  sql << kUpdatePassword, soci::use(password_hash, "password_hash"), soci::use(now, "now"), soci::use(user_id, "id");
  sql << kInsertPasswordHistory, soci::use(user_id, "user_id"), soci::use(password_hash, "password_hash"),
      soci::use(now, "changed_at");
}

void AuthRepository::AddPasswordHistory(soci::session& sql, std::int64_t user_id, const std::string& password_hash,
                                        std::int64_t now) const {
  sql << kInsertPasswordHistory, soci::use(user_id, "user_id"), soci::use(password_hash, "password_hash"),
      soci::use(now, "changed_at");
}

std::vector<std::string> AuthRepository::RecentPasswordHashes(soci::session& sql, std::int64_t user_id,
                                                              int count) const {
  std::string hash;
  soci::statement statement = (sql.prepare << kSelectPasswordHistory, soci::use(user_id, "user_id"),
                               soci::use(count, "count"), soci::into(hash));
  statement.execute();
  std::vector<std::string> hashes;
  while (statement.fetch()) hashes.push_back(hash);
  return hashes;
}

void AuthRepository::DeleteOtherSessions(soci::session& sql, std::int64_t user_id, std::int64_t keep_id) const {
  sql << kDeleteOtherSessions, soci::use(user_id, "user_id"), soci::use(keep_id, "keep_id");
}

UserBulkLoad::UserBulkLoad(db::Session& session, std::int64_t now)
    : session_(session),
      now_(now),
      accounts_(session, std::string(kUserTable), kBulkUserColumns),
      history_(session, std::string(kPasswordHistoryTable), kBulkPasswordHistoryColumns) {}

void UserBulkLoad::Add(std::int64_t id, std::int64_t org_id, const std::string& username,
                       const std::string& display_name, const std::string& role, const std::string& password_hash) {
  accounts_.Add({id, org_id, username, display_name, role, password_hash, 0, now_, now_});
  history_.Add({id, password_hash, now_});
}

void UserBulkLoad::Finish() {
  accounts_.Finish();
  history_.Finish();
  db::ResetIdSequences(session_, {std::string(kUserTable)});
}

}  // namespace liandong::auth
