// Reading fields of a JSON request body with clear errors: every failure is
// AppError(invalid_argument, "request.invalid_argument", "<field> …").
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace liandong::http {

// A required non-empty string of at most `max_bytes` bytes (surrounding spaces trimmed).
std::string RequiredString(const boost::json::object& body, std::string_view field, std::size_t max_bytes = 1000);
// A required non-empty string taken exactly as sent (passwords: spaces count).
std::string RequiredRawString(const boost::json::object& body, std::string_view field, std::size_t max_bytes);
// Absent → nullopt; present → the trimmed string (empty allowed).
std::optional<std::string> OptionalString(const boost::json::object& body, std::string_view field,
                                          std::size_t max_bytes = 1000);
// Absent → nullopt; null → nullopt inside; a string → it. For fields a PATCH may clear.
std::optional<std::optional<std::string>> OptionalNullableString(const boost::json::object& body,
                                                                 std::string_view field, std::size_t max_bytes = 1000);
std::int64_t RequiredId(const boost::json::object& body, std::string_view field);
// Absent → nullopt; null → nullopt inside; a positive integer → it.
std::optional<std::optional<std::int64_t>> OptionalNullableId(const boost::json::object& body, std::string_view field);
std::optional<bool> OptionalBool(const boost::json::object& body, std::string_view field);
std::optional<std::int64_t> OptionalInteger(const boost::json::object& body, std::string_view field, std::int64_t min,
                                            std::int64_t max);

// A positive integer from a query-string value; invalid_argument otherwise.
std::int64_t ParseId(std::string_view text, std::string_view field);
// An integer in [min, max] from a query-string value, or `fallback` when absent.
std::int64_t ParseInteger(const std::optional<std::string>& text, std::string_view field, std::int64_t min,
                          std::int64_t max, std::int64_t fallback);
// "true"/"false" (also "1"/"0") from a query-string value.
std::optional<bool> ParseBool(const std::optional<std::string>& text, std::string_view field);

}  // namespace liandong::http
