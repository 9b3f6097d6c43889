// Commands an operator runs on the server itself, outside the web app: creating an account of any
// role (how the first administrators of a deployment come to be), rotating the master key, and
// purging audit rows past their retention. Each is audited.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>

#include "core/clock.hpp"

namespace liandong::app {

struct NewAccount {
  std::string username;
  std::string display_name;
  std::string role;  // any role, the three administrators included
  std::int64_t org_id = 0;  // 0: the root of the org tree
};

// Creates the account with a random initial password, which must be changed at the first login;
// prints "username<TAB>password" to `out`.
int AddUser(const std::string& url, const std::filesystem::path& key_file, const NewAccount& account,
            const core::Clock& clock, std::ostream& out);

// Stop the server first. Re-encrypts every encrypted field (ID numbers, phones, TOTP secrets) and recomputes the blind
// indexes under a new master key, in one transaction, and replaces the key file; the audit key
// stays. Refuses when the key comes from LIANDONG_MASTER_KEY. Backups made before keep needing
// the old key: the old key file is kept as `<key_file>.retired-<time>` for the operator to move
// offline with them.
int RotateKeys(const std::string& url, const std::filesystem::path& key_file, const core::Clock& clock,
               std::ostream& out);

// Deletes audit rows older than the retention setting (at least 184 days).
int PurgeAudit(const std::string& url, const std::filesystem::path& key_file, const core::Clock& clock,
               std::ostream& out);

}  // namespace liandong::app
