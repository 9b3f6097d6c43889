// Searching text with LIKE on both databases: the text anywhere in the column, with its own
// wildcards (percent, underscore) and backslashes taken literally. The query writes
// "column LIKE :pattern ESCAPE '\'".
#pragma once

#include <string>
#include <string_view>

namespace liandong::db {

inline std::string LikePattern(std::string_view text) {
  std::string pattern = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  pattern.push_back('%');
  return pattern;
}

}  // namespace liandong::db
