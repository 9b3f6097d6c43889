// The signed-in user on whose behalf a request acts. Services take it to check permissions and
// to scope every query to the user's org subtree.
#pragma once

#include <cstdint>
#include <string>

namespace liandong::core {

struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  std::string role;
  std::int64_t org_id = 0;
  std::string org_path;  // like "/1/2/5/": the root of everything this actor may see
  std::int64_t session_id = 0;
};

// The result of checking a session token: who it is, and the CSRF token bound to the session.
struct Authentication {
  Actor actor;
  std::string csrf_token;
};

}  // namespace liandong::core
