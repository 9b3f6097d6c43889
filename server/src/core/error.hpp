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
  kStorageFull,       // 507: the disk refused the write; nothing was saved
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
  // True when the request was refused for who asked (a permission, or an object outside the
  // actor's subtree answered as not found): the pipeline audits it as access.denied.
  bool denial() const { return kind_ == ErrorKind::kPermissionDenied || denial_; }
  // The request body's field the error is about, when there is one: clients mark that field.
  const std::string& field() const { return field_; }
  AppError& WithField(std::string field) {
    field_ = std::move(field);
    return *this;
  }

  friend AppError OutOfScope(std::string code);

 private:
  ErrorKind kind_;
  std::string code_;
  std::string detail_;
  std::string field_;
  bool denial_ = false;
};

// An object that exists outside the actor's subtree: answered exactly like one that does not
// exist (404 with the object's not_found code), and audited as a denial.
inline AppError OutOfScope(std::string code) {
  AppError error(ErrorKind::kNotFound, std::move(code), "outside the actor's subtree");
  error.denial_ = true;
  return error;
}

}  // namespace liandong::core
