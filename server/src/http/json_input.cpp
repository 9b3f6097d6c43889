#include "http/json_input.hpp"

#include <charconv>

#include "core/error.hpp"

namespace liandong::http {
namespace {

using core::AppError;
using core::ErrorKind;

[[noreturn]] void Invalid(std::string_view field, std::string_view what) {
  throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", std::string(field) + " " + std::string(what));
}

std::string Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

std::string RequiredString(const boost::json::object& body, std::string_view field, std::size_t max_bytes) {
  auto value = OptionalString(body, field, max_bytes);
  if (!value || value->empty()) Invalid(field, "is required");
  return *value;
}

std::string RequiredRawString(const boost::json::object& body, std::string_view field, std::size_t max_bytes) {
  const auto* value = body.if_contains(field);
  if (value == nullptr || !value->is_string() || value->as_string().empty()) Invalid(field, "is required");
  if (value->as_string().size() > max_bytes) Invalid(field, "is too long");
  return std::string(value->as_string());
}

std::optional<std::string> OptionalString(const boost::json::object& body, std::string_view field,
                                          std::size_t max_bytes) {
  const auto* value = body.if_contains(field);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_string()) Invalid(field, "must be a string");
  std::string text = Trim(value->as_string());
  if (text.size() > max_bytes) Invalid(field, "is too long");
  return text;
}

std::optional<std::optional<std::string>> OptionalNullableString(const boost::json::object& body,
                                                                 std::string_view field, std::size_t max_bytes) {
  const auto* value = body.if_contains(field);
  if (value == nullptr) return std::nullopt;
  if (value->is_null()) return std::optional<std::string>();
  auto text = OptionalString(body, field, max_bytes);
  if (text && text->empty()) return std::optional<std::string>();
  return text;
}

std::int64_t RequiredId(const boost::json::object& body, std::string_view field) {
  auto id = OptionalNullableId(body, field);
  if (!id || !*id) Invalid(field, "is required");
  return **id;
}

std::optional<std::optional<std::int64_t>> OptionalNullableId(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (value == nullptr) return std::nullopt;
  if (value->is_null()) return std::optional<std::int64_t>();
  if (value->is_int64() && value->as_int64() > 0) return std::optional<std::int64_t>(value->as_int64());
  if (value->is_uint64() && value->as_uint64() > 0 && value->as_uint64() < (1ULL << 62)) {
    return std::optional<std::int64_t>(static_cast<std::int64_t>(value->as_uint64()));
  }
  Invalid(field, "must be a positive integer id");
}

std::optional<bool> OptionalBool(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_bool()) Invalid(field, "must be true or false");
  return value->as_bool();
}

std::optional<std::int64_t> OptionalInteger(const boost::json::object& body, std::string_view field, std::int64_t min,
                                            std::int64_t max) {
  const auto* value = body.if_contains(field);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_int64() || value->as_int64() < min || value->as_int64() > max) {
    Invalid(field, "must be an integer in range");
  }
  return value->as_int64();
}

std::int64_t ParseId(std::string_view text, std::string_view field) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) Invalid(field, "must be a positive integer");
  return id;
}

std::int64_t ParseInteger(const std::optional<std::string>& text, std::string_view field, std::int64_t min,
                          std::int64_t max, std::int64_t fallback) {
  if (!text || text->empty()) return fallback;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    Invalid(field, "is out of range");
  }
  return value;
}

std::optional<bool> ParseBool(const std::optional<std::string>& text, std::string_view field) {
  if (!text || text->empty()) return std::nullopt;
  if (*text == "true" || *text == "1") return true;
  if (*text == "false" || *text == "0") return false;
  Invalid(field, "must be true or false");
}

}  // namespace liandong::http
