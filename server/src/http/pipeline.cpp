#include "http/pipeline.hpp"

#include <chrono>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "db/failure.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"

namespace liandong::http {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

// The JSON API, and GeoReport v2 for partner systems (/open311/v2/…).
bool IsApiPath(const Request& request) {
  const auto& segments = request.segments();
  return !segments.empty() && (segments.front() == "api" || segments.front() == "open311");
}

bool ChangesState(Verb method) { return method != Verb::get && method != Verb::head && method != Verb::options; }

std::string AllowHeader(const std::vector<Verb>& allowed) {
  std::string value;
  for (Verb verb : allowed) {
    if (!value.empty()) value += ", ";
    value += boost::beast::http::to_string(verb);
  }
  return value;
}

}  // namespace

void AddStandardHeaders(Response& response, bool api, std::string_view request_id) {
  response.AddHeader("X-Content-Type-Options", "nosniff");
  response.AddHeader("Referrer-Policy", "no-referrer");
  response.AddHeader("X-Frame-Options", "DENY");
  response.AddHeader("Content-Security-Policy", std::string(kContentSecurityPolicy));
  response.AddHeader("X-Request-Id", std::string(request_id));
  if (api) response.AddHeader("Cache-Control", "no-store");
}

Pipeline::Pipeline(const Router& router, StaticFiles static_files, Authenticator authenticator, bool access_log,
                   DenialRecorder record_denial)
    : router_(router),
      static_files_(std::move(static_files)),
      authenticator_(std::move(authenticator)),
      access_log_(access_log),
      record_denial_(std::move(record_denial)) {}

bool Pipeline::RunsInline(const Request& request) const {
  if (!IsApiPath(request)) return false;
  const RouteMatch match = router_.Find(request.method(), request.segments());
  return match.route != nullptr && match.route->execution == Execution::kInline;
}

void Pipeline::Authenticate(Request& request) const {
  const auto token = request.Cookie(kSessionCookie);
  if (!token || token->empty()) throw AppError(ErrorKind::kUnauthenticated, "auth.unauthenticated");
  request.SetAuthentication(authenticator_(*token));
  if (ChangesState(request.method())) {
    const std::string_view sent = request.Header(kCsrfHeader);
    if (sent.empty() || !core::ConstantTimeEquals(sent, request.csrf_token())) {
      throw AppError(ErrorKind::kPermissionDenied, "auth.csrf_invalid");
    }
  }
}

Response Pipeline::Dispatch(Request& request) const {
  if (!IsApiPath(request)) {
    if (request.method() != Verb::get && request.method() != Verb::head) {
      AppError error(ErrorKind::kMethodNotAllowed, "request.method_not_allowed");
      Response response = ErrorResponse(error, request.language(), request.request_id());
      response.AddHeader("Allow", "GET, HEAD");
      return response;
    }
    return static_files_.Serve(request.segments(), request.Header("Accept-Encoding"));
  }
  RouteMatch match = router_.Find(request.method(), request.segments());
  if (match.route == nullptr) {
    if (match.allowed.empty()) throw AppError(ErrorKind::kNotFound, "request.not_found");
    AppError error(ErrorKind::kMethodNotAllowed, "request.method_not_allowed");
    Response response = ErrorResponse(error, request.language(), request.request_id());
    response.AddHeader("Allow", AllowHeader(match.allowed));
    return response;
  }
  request.SetPathParameters(std::move(match.parameters));
  if (match.route->access != Access::kPublic) {
    Authenticate(request);
    const core::Actor& actor = request.Actor();
    const Access access = match.route->access;
    // A session advances in steps: password, then the second factor, then (for the work itself)
    // an unexpired password and an enrolled second factor where one is required.
    if (actor.second_factor_pending && access != Access::kPasswordVerified) {
      throw AppError(ErrorKind::kUnauthenticated, "auth.second_factor_required");
    }
    if (access == Access::kSignedIn) {
      if (actor.second_factor_enrolment_required) {
        throw AppError(ErrorKind::kPermissionDenied, "auth.second_factor_enrolment_required");
      }
      if (actor.password_expired) throw AppError(ErrorKind::kPermissionDenied, "auth.password_expired");
      core::RequirePermission(actor, match.route->permission);
    }
  }
  return match.route->handler(request);
}

void Pipeline::RecordDenial(const Request& request, std::string_view code) const {
  try {
    record_denial_(request, code);
  } catch (const std::exception& error) {
    // The denial stands whether or not it could be recorded; the failure is logged.
    core::log::Error("http.denial_not_audited", {{"detail", db::LoggableMessage(error)}});
  }
}

Response Pipeline::Handle(Request& request) const {
  const core::log::RequestScope scope(request.request_id());
  const auto started = std::chrono::steady_clock::now();
  Response response;
  try {
    response = Dispatch(request);
  } catch (const AppError& error) {
    if (error.kind() == ErrorKind::kInternal) {
      core::log::Error("http.internal_error", {{"detail", error.what()}});
    }
    response = ErrorResponse(error, request.language(), request.request_id());
    if (error.denial() && record_denial_ && request.HasActor()) RecordDenial(request, error.code());
  } catch (const std::exception& error) {
    // Database and library errors: a constraint the checks before missed is the request's fault
    // (409), a full disk is 507 (nothing was saved; the same write works once space is freed),
    // anything else the server's (500). None sends SQL, paths or values to the client,
    // and the log carries the database's message without the statement and its bound values,
    // which may hold personal data (ciphertexts, blind indexes).
    core::log::Error("http.unhandled_exception", {{"detail", db::LoggableMessage(error)}});
    // A database out of reach (restarting, failing over) is 503: the load balancer or the user may
    // try again, and no success was claimed for a write whose COMMIT went unanswered.
    const AppError answer = db::IsConstraintViolation(error) ? AppError(ErrorKind::kConflict, "request.conflict")
                            : db::IsStorageFull(error)       ? AppError(ErrorKind::kStorageFull, "server.storage_full")
                            : db::IsUnavailable(error)       ? AppError(ErrorKind::kUnavailable, "db.unavailable")
                                                             : AppError(ErrorKind::kInternal, "server.internal");
    response = ErrorResponse(answer, request.language(), request.request_id());
  }
  AddStandardHeaders(response, IsApiPath(request), request.request_id());
  // offset/limit paging works for one more release; page/page_size replaces it (RFC 9745).
  if (IsApiPath(request) && UsesDeprecatedPaging(request)) response.AddHeader("Deprecation", "true");
  if (access_log_) {
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
    boost::json::object fields{
        {"method", boost::beast::http::to_string(request.method())},
        {"path", request.path()},
        {"status", static_cast<int>(response.status)},
        {"duration_us", micros},
        {"remote", request.remote_address()},
    };
    if (request.HasActor()) fields["user_id"] = request.Actor().user_id;
    core::log::Info("http.request", std::move(fields));
  }
  return response;
}

}  // namespace liandong::http
