// Staff users and their sessions.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liandong::auth {

struct UserAccount {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  std::string password_hash;
  bool disabled = false;
  int failed_logins = 0;
  std::optional<std::int64_t> locked_until;
  std::int64_t password_changed_at = 0;
};

struct NewUser {
  std::int64_t org_id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  std::string password;
};

// A session joined with what a request needs to know of its user.
struct SessionRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::string username;
  std::string role;
  bool user_disabled = false;
  std::int64_t org_id = 0;
  std::string org_path;
  std::int64_t password_changed_at = 0;
};

struct SessionPolicy {
  std::chrono::seconds idle_timeout{15 * 60};
  std::chrono::seconds absolute_timeout{8 * 60 * 60};
  // last_seen_at is written at most this often, so that reads stay reads.
  std::chrono::seconds touch_interval{60};
  bool secure_cookie = false;                                // add "Secure" (behind TLS)
  int max_sessions_per_user = 3;                             // the oldest are ended beyond this
  int max_failed_logins = 5;                                 // consecutive failures that lock an account …
  std::chrono::seconds lockout{15 * 60};                     // … for this long
  int max_failed_logins_per_address_per_minute = 20;         // beyond this an address gets 429
  std::chrono::seconds password_max_age{90 * 24 * 60 * 60};  // then the user must change it
  int password_history = 5;                                  // a new password may not be any of the last this many
};

// What a successful login hands back: the token goes into the cookie, never into the body.
struct LoginResult {
  std::string session_token;
  std::string csrf_token;
  UserAccount user;
  std::vector<std::string> permissions;
  bool password_expired = false;
};

}  // namespace liandong::auth
