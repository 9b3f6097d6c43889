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
  const auto session_response = [&auth_service, &org_service](const LoginResult& login) {
    http::Response response = http::Ok(boost::json::object{
        {"user", UserJson(login.user, login.permissions, org_service)},
        {"csrf_token", login.csrf_token},
        {"password_expired", login.password_expired},
        {"second_factor", login.second_factor},
    });
    response.AddHeader("Set-Cookie", SessionCookie(login.session_token, auth_service.policy(), false));
    return response;
  };
  router.Add(Verb::post, "/api/v1/session", Access::kPublic, [&, session_response](http::Request& request) {
    const LoginInput input = ParseLoginInput(request);
    return session_response(
        auth_service.Login(input.username, input.password, request.remote_address(), request.request_id()));
  });
  router.Add(Verb::post, "/api/v1/session/second-factor", Access::kPasswordVerified,
             [&, session_response](http::Request& request) {
               const auto& body = request.Json();
               const auto recovery_code = http::OptionalString(body, "recovery_code", 64);
               if (recovery_code && !recovery_code->empty()) {
                 return session_response(auth_service.VerifySecondFactor(request.Actor(), *recovery_code, true));
               }
               return session_response(
                   auth_service.VerifySecondFactor(request.Actor(), http::RequiredString(body, "code", 16), false));
             });
  router.Add(Verb::delete_, "/api/v1/session", Access::kPasswordVerified, [&](http::Request& request) {
    auth_service.Logout(request.Actor());
    http::Response response = http::NoContent();
    response.AddHeader("Set-Cookie", SessionCookie("", auth_service.policy(), true));
    return response;
  });
  router.Add(Verb::get, "/api/v1/me", Access::kPasswordVerified, [&](http::Request& request) {
    const core::Actor& actor = request.Actor();
    const char* second_factor = actor.second_factor_pending              ? "required"
                                : actor.second_factor_enrolment_required ? "enrol"
                                                                         : "none";
    return http::Ok(boost::json::object{
        {"user", UserJson(auth_service.GetUser(actor.user_id), actor.permissions, org_service)},
        {"csrf_token", request.csrf_token()},
        {"password_expired", actor.password_expired},
        {"second_factor", second_factor},
    });
  });
  router.Add(Verb::get, "/api/v1/me/second-factor", Access::kOwnAccount, [&](http::Request& request) {
    const SecondFactorStatus status = auth_service.GetSecondFactorStatus(request.Actor());
    return http::Ok(boost::json::object{{"enrolled", status.enrolled},
                                        {"required", status.required},
                                        {"recovery_codes_left", status.recovery_codes_left}});
  });
  router.Add(Verb::post, "/api/v1/me/second-factor/enrolment", Access::kOwnAccount, [&](http::Request& request) {
    const SecondFactorEnrolment enrolment = auth_service.StartEnrolment(request.Actor());
    return http::Ok(boost::json::object{{"secret", enrolment.secret}, {"uri", enrolment.uri}});
  });
  router.Add(Verb::post, "/api/v1/me/second-factor/enrolment/confirm", Access::kOwnAccount,
             [&](http::Request& request) {
               boost::json::array codes;
               for (const std::string& code :
                    auth_service.ConfirmEnrolment(request.Actor(), http::RequiredString(request.Json(), "code", 16))) {
                 codes.emplace_back(code);
               }
               return http::Ok(boost::json::object{{"recovery_codes", std::move(codes)}});
             });
  router.Add(Verb::post, "/api/v1/me/password", Access::kOwnAccount, [&](http::Request& request) {
    const auto& body = request.Json();
    auth_service.ChangePassword(request.Actor(), http::RequiredRawString(body, "current_password", 1024),
                                http::RequiredRawString(body, "new_password", 1024));
    return http::NoContent();
  });
}

}  // namespace liandong::auth
