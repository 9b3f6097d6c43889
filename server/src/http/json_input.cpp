#include "http/json_input.hpp"

#include <charconv>
#include <cmath>

#include "core/text.hpp"

namespace liandong::http {
namespace {

using core::AppError;
using core::ErrorKind;

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// A JSON integer, or an integral double within the exactly representable range.
std::optional<std::int64_t> WholeNumber(const boost::json::value& value) {
  if (value.is_int64()) return value.as_int64();
  if (value.is_uint64() && value.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(value.as_uint64());
  }
  if (value.is_double() && std::isfinite(value.as_double()) && std::trunc(value.as_double()) == value.as_double() &&
      std::fabs(value.as_double()) < 9.0e15) {
    return static_cast<std::int64_t>(value.as_double());
  }
  return std::nullopt;
}

[[noreturn]] void InvalidQuery(std::string_view field, std::string_view what) {
  throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", std::string(field) + " " + std::string(what))
      .WithField(std::string(field));
}

}  // namespace

BodyReader::BodyReader(const boost::json::object& body, std::initializer_list<FieldCode> codes)
    : body_(body), codes_(codes) {}

BodyReader::BodyReader(const boost::json::object& body, std::initializer_list<FieldCode> codes,
                       std::vector<FieldFailure>& failures)
    : body_(body), codes_(codes), failures_(&failures) {}

std::string_view BodyReader::CodeOf(std::string_view field) const {
  for (const FieldCode& entry : codes_) {
    if (entry.field == field) return entry.code;
  }
  return "request.invalid_argument";
}

void BodyReader::Fail(std::string_view field) const { Fail(field, CodeOf(field)); }

void BodyReader::Fail(std::string_view field, std::string_view code) const {
  if (failures_ != nullptr) {
    failures_->push_back(FieldFailure{std::string(field), std::string(code)});
    return;
  }
  throw AppError(ErrorKind::kInvalidArgument, std::string(code), std::string(field)).WithField(std::string(field));
}

std::optional<std::string> BodyReader::CheckedText(std::string_view field, std::string_view text,
                                                   std::size_t max_characters, bool trim) const {
  if (!core::IsCleanText(text)) {
    Fail(field, "request.invalid_text");
    return std::nullopt;
  }
  const std::string_view kept = trim ? Trim(text) : text;
  if (core::CharacterCount(kept) > max_characters) {
    Fail(field, "request.text_too_long");
    return std::nullopt;
  }
  return std::string(kept);
}

std::optional<std::string> BodyReader::Text(std::string_view field, std::size_t max_characters) const {
  const auto* value = body_.if_contains(field);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_string()) {
    Fail(field);
    return std::nullopt;
  }
  return CheckedText(field, value->as_string(), max_characters, true);
}

std::string BodyReader::RequiredText(std::string_view field, std::size_t max_characters) const {
  const auto* value = body_.if_contains(field);
  const bool present = value != nullptr && !value->is_null();
  auto text = Text(field, max_characters);
  if (text && !text->empty()) return std::move(*text);
  // A text refused for its characters or length has said so already (when collecting).
  if (!present || (value->is_string() && Trim(value->as_string()).empty())) Fail(field);
  return {};
}

std::string BodyReader::RequiredRawText(std::string_view field, std::size_t max_characters) const {
  const auto* value = body_.if_contains(field);
  if (value == nullptr || !value->is_string() || value->as_string().empty()) {
    Fail(field);
    return {};
  }
  return CheckedText(field, value->as_string(), max_characters, false).value_or("");
}

std::optional<std::optional<std::string>> BodyReader::NullableText(std::string_view field,
                                                                   std::size_t max_characters) const {
  const auto* value = body_.if_contains(field);
  if (value == nullptr) return std::nullopt;
  if (value->is_null()) return std::optional<std::string>();
  auto text = Text(field, max_characters);
  if (!text) return std::nullopt;
  if (text->empty()) return std::optional<std::string>();
  return text;
}

std::optional<std::int64_t> BodyReader::Id(std::string_view field) const {
  const auto id = NullableId(field);
  if (!id) return std::nullopt;
  return *id;
}

std::int64_t BodyReader::RequiredId(std::string_view field) const {
  const auto* value = body_.if_contains(field);
  if (value == nullptr || value->is_null()) {
    Fail(field);
    return 0;
  }
  const auto id = NullableId(field);  // notes its own failure when the value is not an id
  return id && *id ? **id : 0;
}

std::optional<std::optional<std::int64_t>> BodyReader::NullableId(std::string_view field) const {
  const auto* value = body_.if_contains(field);
  if (value == nullptr) return std::nullopt;
  if (value->is_null()) return std::optional<std::int64_t>();
  if (const auto number = WholeNumber(*value); number && *number > 0) return std::optional<std::int64_t>(*number);
  Fail(field);
  return std::nullopt;
}

std::vector<std::int64_t> BodyReader::Ids(std::string_view field, std::size_t max_count) const {
  const auto* value = body_.if_contains(field);
  if (value == nullptr || value->is_null()) return {};
  std::vector<std::int64_t> ids;
  if (!value->is_array() || value->as_array().size() > max_count) {
    Fail(field);
    return ids;
  }
  for (const auto& item : value->as_array()) {
    const auto number = WholeNumber(item);
    if (!number || *number <= 0) {
      Fail(field);
      return {};
    }
    ids.push_back(*number);
  }
  return ids;
}

std::optional<bool> BodyReader::Bool(std::string_view field) const {
  const auto* value = body_.if_contains(field);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_bool()) {
    Fail(field);
    return std::nullopt;
  }
  return value->as_bool();
}

std::optional<std::int64_t> BodyReader::Integer(std::string_view field, std::int64_t min, std::int64_t max) const {
  const auto* value = body_.if_contains(field);
  if (value == nullptr || value->is_null()) return std::nullopt;
  const auto number = WholeNumber(*value);
  if (!number || *number < min || *number > max) {
    Fail(field);
    return std::nullopt;
  }
  return number;
}

std::int64_t ParseId(std::string_view text, std::string_view field) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    InvalidQuery(field, "must be a positive integer");
  }
  return id;
}

std::int64_t ParseInteger(const std::optional<std::string>& text, std::string_view field, std::int64_t min,
                          std::int64_t max, std::int64_t fallback) {
  if (!text || text->empty()) return fallback;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    InvalidQuery(field, "is out of range");
  }
  return value;
}

std::optional<bool> ParseBool(const std::optional<std::string>& text, std::string_view field) {
  if (!text || text->empty()) return std::nullopt;
  if (*text == "true" || *text == "1") return true;
  if (*text == "false" || *text == "0") return false;
  InvalidQuery(field, "must be true or false");
}

}  // namespace liandong::http
