// Staff accounts as the system administrator manages them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liandong::user {

struct UserView {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string username;
  std::string display_name;
  std::string role;
  std::string role_display_name;
  std::string role_duty;  // staff, system, security, audit
  bool disabled = false;
  bool locked = false;         // by failed logins, until locked_until
  bool second_factor = false;  // a confirmed TOTP enrolment
  std::int64_t created_at = 0;
  std::int64_t password_changed_at = 0;  // 0: an initial password not yet changed
};

struct UserFilter {
  std::optional<std::int64_t> org_id;  // the subtree to list; the actor's own by default
  std::string query;                   // part of the username or display name
  int page = 1;
  int page_size = 20;
};

struct UserPage {
  std::vector<UserView> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 20;
};

struct UserInput {
  std::int64_t org_id = 0;
  std::string username;
  std::string display_name;
  std::string role;
};

struct UserPatch {
  std::optional<std::int64_t> org_id;
  std::optional<std::string> display_name;
  std::optional<std::string> role;
  std::optional<bool> disabled;
};

// A user just created or whose password was reset: the one time its initial password is shown.
struct UserWithPassword {
  UserView user;
  std::string initial_password;
};

}  // namespace liandong::user
