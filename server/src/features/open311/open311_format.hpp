// GeoReport's two formats from one description: a document is a list of records (or one record),
// each an ordered list of fields; JSON writes arrays of objects, XML the root and item elements
// of the spec's examples, with the UTF-8 declaration.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace liandong::open311 {

struct Field;
using Record = std::vector<Field>;

struct Value {
  enum class Kind { kNull, kText, kNumber, kBool, kList };
  Kind kind = Kind::kNull;
  std::string text;  // text, or a number written out, or "true"/"false"
  std::string item;  // a list's item element in XML ("attribute", "value")
  std::vector<Record> records;

  static Value Null() { return {}; }
  static Value Text(std::string text) { return {Kind::kText, std::move(text), {}, {}}; }
  static Value OptionalText(std::string text) { return text.empty() ? Null() : Text(std::move(text)); }
  static Value Integer(std::int64_t number) { return {Kind::kNumber, std::to_string(number), {}, {}}; }
  static Value Number(double number);
  static Value Bool(bool value) { return {Kind::kBool, value ? "true" : "false", {}, {}}; }
  static Value List(std::string item, std::vector<Record> records) {
    return {Kind::kList, {}, std::move(item), std::move(records)};
  }
};

struct Field {
  std::string_view name;  // a literal: GeoReport's field names
  Value value;
};

enum class Format { kJson, kXml };

// `records` as a JSON array, or as <root><item>…</item>…</root>.
std::string WriteList(Format format, const std::string& root, const std::string& item,
                      const std::vector<Record>& records);
// One record as a JSON object, or as <root>…</root>.
std::string WriteRecord(Format format, const std::string& root, const Record& record);
// GeoReport's error list: [{"code":400,"description":"…"}] or <errors><error>….
std::string WriteErrors(Format format, int code, const std::string& description);

std::string ContentType(Format format);

// ISO 8601 in China time, as GeoReport wants it: "2026-12-02T10:15:30+08:00".
std::string IsoDateTime(std::int64_t seconds);
// The ISO 8601 forms GeoReport clients send: "YYYY-MM-DDTHH:MM:SS" with an optional fraction and
// "Z" or "±HH:MM"; nullopt for anything else (a time zone is required).
std::optional<std::int64_t> ParseIsoDateTime(const std::string& text);

}  // namespace liandong::open311
