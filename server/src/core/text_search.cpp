#include "core/text_search.hpp"

#include <algorithm>

namespace liandong::core {
namespace {

// Decodes one UTF-8 code point at `text[index]`, advancing `index`; invalid bytes become U+FFFD.
char32_t NextCodePoint(std::string_view text, std::size_t& index) {
  const auto byte = static_cast<unsigned char>(text[index]);
  int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xe ? 3 : (byte >> 3) == 0x1e ? 4 : 0;
  if (length == 0 || index + length > text.size()) {
    ++index;
    return U'\uFFFD';
  }
  char32_t code = length == 1 ? byte : byte & (0x7f >> length);
  for (int i = 1; i < length; ++i) {
    const auto continuation = static_cast<unsigned char>(text[index + i]);
    if ((continuation & 0xc0) != 0x80) {
      ++index;
      return U'\uFFFD';
    }
    code = (code << 6) | (continuation & 0x3f);
  }
  index += length;
  return code;
}

void AppendUtf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3f)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3f)));
  }
}

bool IsCjk(char32_t code) {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) ||
         (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x3134f);
}

bool IsAsciiWordCharacter(char32_t code) {
  return (code >= '0' && code <= '9') || (code >= 'a' && code <= 'z') || (code >= 'A' && code <= 'Z');
}

std::vector<std::string> Grams(std::string_view text) {
  std::vector<std::string> grams;
  std::vector<char32_t> cjk_run;
  std::string word;
  const auto flush = [&] {
    if (cjk_run.size() == 1) {
      std::string gram;
      AppendUtf8(gram, cjk_run[0]);
      grams.push_back(std::move(gram));
    }
    for (std::size_t i = 0; i + 1 < cjk_run.size(); ++i) {
      std::string gram;
      AppendUtf8(gram, cjk_run[i]);
      AppendUtf8(gram, cjk_run[i + 1]);
      grams.push_back(std::move(gram));
    }
    cjk_run.clear();
    if (!word.empty()) grams.push_back(std::move(word));
    word.clear();
  };
  std::size_t index = 0;
  while (index < text.size()) {
    const char32_t code = NextCodePoint(text, index);
    if (IsCjk(code)) {
      if (!word.empty()) flush();
      cjk_run.push_back(code);
    } else if (IsAsciiWordCharacter(code)) {
      if (!cjk_run.empty()) flush();
      word.push_back(static_cast<char>(code >= 'A' && code <= 'Z' ? code - 'A' + 'a' : code));
    } else {
      flush();
    }
  }
  flush();
  return grams;
}

}  // namespace

std::string SearchGrams(std::string_view text) {
  std::string joined;
  for (const std::string& gram : Grams(text)) {
    if (!joined.empty()) joined.push_back(' ');
    joined += gram;
  }
  return joined;
}

std::vector<std::string> QueryGrams(std::string_view query) {
  std::vector<std::string> grams = Grams(query);
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  return grams;
}

bool IsSingleCharacterQuery(std::string_view query) {
  std::size_t index = 0;
  int cjk = 0;
  int other = 0;
  while (index < query.size()) {
    const char32_t code = NextCodePoint(query, index);
    if (IsCjk(code)) ++cjk;
    else if (IsAsciiWordCharacter(code)) ++other;
  }
  return cjk == 1 && other == 0;
}

}  // namespace liandong::core
