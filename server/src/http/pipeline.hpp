// What happens to every request between the socket and the handler: routing, 404/405, session
// and CSRF checks, error mapping, security headers, the access log.
#pragma once

#include <functional>
#include <string_view>

#include "core/actor.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace liandong::http {

inline constexpr std::string_view kSessionCookie = "liandong_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// Checks a session token; throws AppError (unauthenticated, session_expired) when it is not valid.
using Authenticator = std::function<core::Authentication(std::string_view session_token)>;

// Called for every signed-in request that ends in a denial (403), to audit it.
using DenialRecorder = std::function<void(const Request& request, std::string_view code)>;

class Pipeline {
 public:
  Pipeline(const Router& router, StaticFiles static_files, Authenticator authenticator, bool access_log,
           DenialRecorder record_denial = {});

  // Never throws: every failure becomes a JSON error response.
  Response Handle(Request& request) const;

  // True when the request's route never blocks and may run on the I/O thread.
  bool RunsInline(const Request& request) const;

 private:
  Response Dispatch(Request& request) const;
  void Authenticate(Request& request) const;
  void RecordDenial(const Request& request, std::string_view code) const;

  const Router& router_;
  StaticFiles static_files_;
  Authenticator authenticator_;
  bool access_log_;
  DenialRecorder record_denial_;
};

// Adds the headers every response carries (nosniff, referrer policy, CSP, request id).
void AddStandardHeaders(Response& response, bool api, std::string_view request_id);

}  // namespace liandong::http
