// Reading soci rows whatever type each backend gives a column (SQLite and PostgreSQL differ on
// integers), and binding the helpers both repositories of this folder share.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liandong::cobuild_list {

inline bool IsNull(const soci::row& row, std::size_t column) { return row.get_indicator(column) == soci::i_null; }

inline std::int64_t Integer(const soci::row& row, std::size_t column) {
  if (IsNull(row, column)) return 0;
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(column);
    case soci::dt_long_long:
      return row.get<long long>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(row.get<unsigned long long>(column));
    case soci::dt_double:
      return static_cast<std::int64_t>(row.get<double>(column));
    case soci::dt_string:
      return std::stoll(row.get<std::string>(column));
    default:
      return 0;
  }
}

inline std::optional<std::int64_t> OptionalInteger(const soci::row& row, std::size_t column) {
  if (IsNull(row, column)) return std::nullopt;
  return Integer(row, column);
}

inline std::string Text(const soci::row& row, std::size_t column) {
  return IsNull(row, column) ? std::string() : row.get<std::string>(column);
}

inline std::optional<std::string> OptionalText(const soci::row& row, std::size_t column) {
  if (IsNull(row, column)) return std::nullopt;
  return row.get<std::string>(column);
}

// ",a,b," ↔ {"a", "b"}
inline std::string TagsColumn(const std::vector<std::string>& tags) {
  std::string column = ",";
  for (const std::string& tag : tags) column += tag + ",";
  return column;
}

inline std::vector<std::string> TagsOf(const std::string& column) {
  std::vector<std::string> tags;
  std::string current;
  for (const char c : column) {
    if (c == ',') {
      if (!current.empty()) tags.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) tags.push_back(current);
  return tags;
}

}  // namespace liandong::cobuild_list
