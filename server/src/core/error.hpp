// The one error type of Liandong: a kind (mapped to an HTTP status in one place, http/errors.cpp)
// and a stable code that clients map to a message.
#pragma once

#include <stdexcept>
#include <string>

namespace liandong::core {

enum class ErrorKind {
  kInvalidArgument,   // 400
  kUnauthenticated,   // 401
  kPermissionDenied,  // 403
  kNotFound,          // 404
  kMethodNotAllowed,  // 405
  kConflict,          // 409
  kPayloadTooLarge,   // 413
  kHeaderTooLarge,    // 431
  kRateLimited,       // 429
  kUnavailable,       // 503
  kInternal,          // 500
};

class AppError : public std::runtime_error {
 public:
  // `code` is stable and dotted ("org.not_found"); `detail` is for logs and developers, never
  // shown in place of the user-facing message.
  AppError(ErrorKind kind, std::string code, std::string detail = {})
      : std::runtime_error(detail.empty() ? code : code + ": " + detail),
        kind_(kind),
        code_(std::move(code)),
        detail_(std::move(detail)) {}

  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  const std::string& detail() const { return detail_; }

 private:
  ErrorKind kind_;
  std::string code_;
  std::string detail_;
};

}  // namespace liandong::core
