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
  bool password_expired = false;  // an initial password given by an administrator: changed at first login
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
  std::string role_duty;            // of the role: staff, system, security, audit
  bool second_factor_pending = false;
  bool has_second_factor = false;   // a confirmed TOTP enrolment
  std::vector<std::string> permissions;  // of the role, sorted
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
  int password_history = 5;                                  // a new password may not be any of the last this many
  // The password's maximum age and whether all staff need a second factor are settings
  // (features/setting), changed by the security administrator.
};

// What a successful login hands back: the token goes into the cookie, never into the body.
struct LoginResult {
  std::string session_token;
  std::string csrf_token;
  UserAccount user;
  std::vector<std::string> permissions;
  bool password_expired = false;
  // "none": signed in; "required": the TOTP code (or a recovery code) comes next; "enrol": signed
  // in, but only one's own account answers until a second factor is enrolled.
  std::string second_factor = "none";
};

// A TOTP enrolment begun: the secret for the authenticator app, and its otpauth:// address.
struct SecondFactorEnrolment {
  std::string secret;  // base32
  std::string uri;
};

struct SecondFactorStatus {
  bool enrolled = false;
  bool required = false;
  std::int64_t recovery_codes_left = 0;
};

}  // namespace liandong::auth
