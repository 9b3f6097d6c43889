#include "features/auth/auth_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/error.hpp"
#include "features/org/org_json.hpp"
#include "http/json_input.hpp"
#include "http/pipeline.hpp"

namespace liandong::auth {
namespace {

using core::AppError;
using core::ErrorKind;

struct LoginInput {
  std::string username;
  std::string password;
};

LoginInput ParseLoginInput(const http::Request& request) {
  const auto& body = request.Json();
  return LoginInput{http::RequiredRawString(body, "username", 128), http::RequiredRawString(body, "password", 1024)};
}

std::string SessionCookie(const std::string& value, const SessionPolicy& policy, bool clear) {
  std::string cookie = std::string(http::kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (policy.secure_cookie) cookie += "; Secure";
  if (clear) cookie += "; Max-Age=0";
  return cookie;
}

boost::json::object UserJson(const UserAccount& user, const std::vector<std::string>& permissions,
                             const org::OrgService& org_service) {
  boost::json::array granted;
  for (const std::string& permission : permissions) granted.emplace_back(permission);
  return boost::json::object{
      {"id", user.id},
      {"username", user.username},
      {"display_name", user.display_name},
      {"role", user.role},
      {"permissions", std::move(granted)},
      {"org", org::ToJson(org_service.GetOwnOrg(user.org_id))},
  };
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, const AuthService& auth_service, const org::OrgService& org_service) {
  using http::Access;
  using http::Verb;
  router.Add(Verb::post, "/api/v1/session", Access::kPublic, [&](http::Request& request) {
    const LoginInput input = ParseLoginInput(request);
    LoginResult login =
        auth_service.Login(input.username, input.password, request.remote_address(), request.request_id());
    http::Response response = http::Ok(boost::json::object{
        {"user", UserJson(login.user, login.permissions, org_service)},
        {"csrf_token", login.csrf_token},
        {"password_expired", login.password_expired},
    });
    response.AddHeader("Set-Cookie", SessionCookie(login.session_token, auth_service.policy(), false));
    return response;
  });
  router.Add(Verb::delete_, "/api/v1/session", Access::kOwnAccount, [&](http::Request& request) {
    auth_service.Logout(request.Actor());
    http::Response response = http::NoContent();
    response.AddHeader("Set-Cookie", SessionCookie("", auth_service.policy(), true));
    return response;
  });
  router.Add(Verb::get, "/api/v1/me", Access::kOwnAccount, [&](http::Request& request) {
    return http::Ok(boost::json::object{
        {"user", UserJson(auth_service.GetUser(request.Actor().user_id), request.Actor().permissions, org_service)},
        {"csrf_token", request.csrf_token()},
        {"password_expired", request.Actor().password_expired},
    });
  });
  router.Add(Verb::post, "/api/v1/me/password", Access::kOwnAccount, [&](http::Request& request) {
    const auto& body = request.Json();
    auth_service.ChangePassword(request.Actor(), http::RequiredRawString(body, "current_password", 1024),
                                http::RequiredRawString(body, "new_password", 1024));
    return http::NoContent();
  });
}

}  // namespace liandong::auth
