// Reading the fields of a JSON request body with clear errors. Every failure names its field
// (AppError::field(), sent as "field" in the error body) and carries the field's own code where
// the caller maps one, request.invalid_argument otherwise; a text longer than its limit in
// characters answers request.text_too_long, and text with control characters
// request.invalid_text. The JSON parser has already refused invalid UTF-8.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace liandong::http {

// A field and the code of its errors (missing, wrong type, invalid).
struct FieldCode {
  std::string_view field;
  std::string_view code;
};

// A failure noted by a collecting reader (imports report every bad field of a row).
struct FieldFailure {
  std::string field;
  std::string code;
};

inline constexpr std::size_t kDefaultMaxCharacters = 1000;

class BodyReader {
 public:
  // Throws the first failure.
  BodyReader(const boost::json::object& body, std::initializer_list<FieldCode> codes = {});
  // Notes every failure in `failures` and reads on (the field reads as absent).
  BodyReader(const boost::json::object& body, std::initializer_list<FieldCode> codes,
             std::vector<FieldFailure>& failures);

  // Absent or null → nullopt; a string → it, surrounding spaces trimmed (empty allowed).
  std::optional<std::string> Text(std::string_view field, std::size_t max_characters = kDefaultMaxCharacters) const;
  // A non-empty string, trimmed.
  std::string RequiredText(std::string_view field, std::size_t max_characters = kDefaultMaxCharacters) const;
  // A non-empty string taken exactly as sent (passwords: spaces count).
  std::string RequiredRawText(std::string_view field, std::size_t max_characters) const;
  // Absent → nullopt; null or "" → nullopt inside; a string → it. For fields a PATCH may clear.
  std::optional<std::optional<std::string>> NullableText(std::string_view field,
                                                         std::size_t max_characters = kDefaultMaxCharacters) const;
  // Absent or null → nullopt; a positive integer → it.
  std::optional<std::int64_t> Id(std::string_view field) const;
  std::int64_t RequiredId(std::string_view field) const;
  // Absent → nullopt; null → nullopt inside; a positive integer → it.
  std::optional<std::optional<std::int64_t>> NullableId(std::string_view field) const;
  // Absent or null → {}; an array of at most `max_count` positive integers → them.
  std::vector<std::int64_t> Ids(std::string_view field, std::size_t max_count) const;
  std::optional<bool> Bool(std::string_view field) const;
  // A whole number in [min, max]; an integral double counts (spreadsheets send 12.0).
  std::optional<std::int64_t> Integer(std::string_view field, std::int64_t min, std::int64_t max) const;

  // The field's error: thrown, or noted by a collecting reader.
  void Fail(std::string_view field) const;
  void Fail(std::string_view field, std::string_view code) const;

 private:
  std::string_view CodeOf(std::string_view field) const;
  std::optional<std::string> CheckedText(std::string_view field, std::string_view text, std::size_t max_characters,
                                         bool trim) const;

  const boost::json::object& body_;
  std::vector<FieldCode> codes_;
  std::vector<FieldFailure>* failures_ = nullptr;
};

// The same readers without field codes, for bodies whose fields need none of their own.
inline std::string RequiredString(const boost::json::object& body, std::string_view field,
                                  std::size_t max_characters = kDefaultMaxCharacters) {
  return BodyReader(body).RequiredText(field, max_characters);
}
inline std::string RequiredRawString(const boost::json::object& body, std::string_view field,
                                     std::size_t max_characters) {
  return BodyReader(body).RequiredRawText(field, max_characters);
}
inline std::optional<std::string> OptionalString(const boost::json::object& body, std::string_view field,
                                                 std::size_t max_characters = kDefaultMaxCharacters) {
  return BodyReader(body).Text(field, max_characters);
}
inline std::optional<std::optional<std::string>> OptionalNullableString(
    const boost::json::object& body, std::string_view field, std::size_t max_characters = kDefaultMaxCharacters) {
  return BodyReader(body).NullableText(field, max_characters);
}
inline std::int64_t RequiredId(const boost::json::object& body, std::string_view field) {
  return BodyReader(body).RequiredId(field);
}
inline std::optional<std::optional<std::int64_t>> OptionalNullableId(const boost::json::object& body,
                                                                     std::string_view field) {
  return BodyReader(body).NullableId(field);
}
inline std::optional<bool> OptionalBool(const boost::json::object& body, std::string_view field) {
  return BodyReader(body).Bool(field);
}
inline std::optional<std::int64_t> OptionalInteger(const boost::json::object& body, std::string_view field,
                                                   std::int64_t min, std::int64_t max) {
  return BodyReader(body).Integer(field, min, max);
}

// A positive integer from a query-string value; invalid_argument otherwise.
std::int64_t ParseId(std::string_view text, std::string_view field);
// An integer in [min, max] from a query-string value, or `fallback` when absent.
std::int64_t ParseInteger(const std::optional<std::string>& text, std::string_view field, std::int64_t min,
                          std::int64_t max, std::int64_t fallback);
// "true"/"false" (also "1"/"0") from a query-string value.
std::optional<bool> ParseBool(const std::optional<std::string>& text, std::string_view field);

}  // namespace liandong::http
