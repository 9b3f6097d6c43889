// The signed-in user on whose behalf a request acts. Services take it to check permissions and
// to scope every query to the user's org subtree.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace liandong::core {

struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  std::string role;
  std::int64_t org_id = 0;
  std::string org_path;  // like "/1/2/5/": the root of everything this actor may see
  std::int64_t session_id = 0;
  std::vector<std::string> permissions;  // "org:read", "member:unmask", … granted by the role
  std::string remote_address;            // of the request, for the audit log
  std::string request_id;
  bool password_expired = false;  // then only the routes of one's own account answer
  bool second_factor_pending = false;             // password right, TOTP code not yet given
  bool second_factor_enrolment_required = false;  // the role needs TOTP and the user has none yet

  bool Can(std::string_view permission) const {
    return std::find(permissions.begin(), permissions.end(), permission) != permissions.end();
  }
};

// Throws AppError(permission_denied) unless the actor's role grants `permission`.
void RequirePermission(const Actor& actor, std::string_view permission);

// The result of checking a session token: who it is, and the CSRF token bound to the session.
struct Authentication {
  Actor actor;
  std::string csrf_token;
};

}  // namespace liandong::core
