// SQL for users and sessions.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/bulk_insert.hpp"
#include "db/database.hpp"
#include "features/auth/auth_model.hpp"

namespace liandong::auth {

// Users loaded in bulk with ids the caller chose (demo --scale), in the caller's open
// transaction: each account with its password's history entry. Nothing is checked.
class UserBulkLoad {
 public:
  UserBulkLoad(db::Session& session, std::int64_t now);
  // One enabled user whose password was set `now`.
  void Add(std::int64_t id, std::int64_t org_id, const std::string& username, const std::string& display_name,
           const std::string& role, const std::string& password_hash);
  // Sends what is buffered and moves PostgreSQL's id sequence past the loaded ids; call before
  // committing.
  void Finish();

 private:
  db::Session& session_;
  std::int64_t now_;
  db::BulkInserter accounts_;
  db::BulkInserter history_;
};

class AuthRepository {
 public:
  std::optional<UserAccount> FindUserByUsername(soci::session& sql, const std::string& username) const;
  std::optional<UserAccount> FindUserById(soci::session& sql, std::int64_t id) const;
  std::int64_t InsertUser(soci::session& sql, const NewUser& user, const std::string& password_hash,
                          std::int64_t now) const;
  std::int64_t InsertSession(soci::session& sql, std::int64_t user_id, const std::string& token_hash,
                             const std::string& csrf_token, const std::string& remote_address, std::int64_t now,
                             bool second_factor_pending) const;
  std::optional<SessionRecord> FindSessionByTokenHash(soci::session& sql, const std::string& token_hash) const;
  void TouchSession(soci::session& sql, std::int64_t session_id, std::int64_t now) const;
  void DeleteSession(soci::session& sql, std::int64_t session_id) const;
  // Makes the password due for change at the next login, and unlocks the account.
  void ExpirePassword(soci::session& sql, std::int64_t user_id) const;
  // The duty of a role (staff, system, security, audit); staff for a role not in the table.
  std::string RoleDuty(soci::session& sql, const std::string& role) const;
  bool HasSecondFactor(soci::session& sql, std::int64_t user_id) const;
  void DeleteAllSessions(soci::session& sql, std::int64_t user_id) const;
  std::vector<std::string> FindPermissions(soci::session& sql, const std::string& role) const;
  // Failed logins from an address since a time, counted from the audit log.
  std::int64_t CountFailedLogins(soci::session& sql, const std::string& remote_address, std::int64_t since) const;
  // Counts a failure; at `max_failures` in a row the account locks until `locked_until`.
  void RecordLoginFailure(soci::session& sql, std::int64_t user_id, int max_failures, std::int64_t locked_until) const;
  void ResetLoginFailures(soci::session& sql, std::int64_t user_id) const;
  // Sets a new password hash and records it in the history.
  void SetPassword(soci::session& sql, std::int64_t user_id, const std::string& password_hash, std::int64_t now) const;
  void AddPasswordHistory(soci::session& sql, std::int64_t user_id, const std::string& password_hash,
                          std::int64_t now) const;
  // The newest `count` password hashes of a user, newest first.
  std::vector<std::string> RecentPasswordHashes(soci::session& sql, std::int64_t user_id, int count) const;
  void DeleteOtherSessions(soci::session& sql, std::int64_t user_id, std::int64_t keep_id) const;
  // Ends all but the `keep` newest sessions of a user.
  void TrimSessions(soci::session& sql, std::int64_t user_id, int keep) const;
};

}  // namespace liandong::auth
