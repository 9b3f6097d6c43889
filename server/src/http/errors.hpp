// The one place where error kinds become HTTP statuses and error codes become messages.
#pragma once

#include <boost/beast/http/status.hpp>
#include <string_view>

#include "core/error.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace liandong::http {

boost::beast::http::status StatusOf(core::ErrorKind kind);

// The user-facing message for `code`, falling back to a message for the kind.
std::string_view ErrorMessage(std::string_view code, core::ErrorKind kind, Language language);

// {"error":{"code","message","request_id"}} with the status of the error's kind.
Response ErrorResponse(const core::AppError& error, Language language, std::string_view request_id);

}  // namespace liandong::http
