// Lengths of text as users count them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace liandong::core {

// The characters (code points) of UTF-8 text: "党建" is 2, not 6. Limits such as "at most 100
// characters" count these.
inline std::size_t CharacterCount(std::string_view text) {
  std::size_t count = 0;
  for (const unsigned char byte : text) count += (byte & 0xc0) != 0x80 ? 1 : 0;
  return count;
}

// The first `count` characters of UTF-8 `text` (all of it when shorter), never cutting one in two.
inline std::string Prefix(std::string_view text, std::size_t count) {
  std::size_t at = 0;
  for (std::size_t characters = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xc0) != 0x80 && characters++ == count) break;
  }
  return std::string(text.substr(0, at));
}

// True when `text` is valid UTF-8 with no control characters but tab, line feed and carriage
// return: what every text the server stores or logs must be.
bool IsCleanText(std::string_view text);

}  // namespace liandong::core
