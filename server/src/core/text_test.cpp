#include "core/text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace liandong::core {
namespace {

TEST(CharacterCountTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(CharacterCount(""), 0u);
  EXPECT_EQ(CharacterCount("abc"), 3u);
  EXPECT_EQ(CharacterCount("党建"), 2u);
  EXPECT_EQ(CharacterCount("阿卜杜热合曼·买买提"), 10u);
  EXPECT_EQ(CharacterCount("😀"), 1u);
}

TEST(PrefixTest, CutsWholeCharactersOnly) {
  EXPECT_EQ(Prefix("联席会议决议", 4), "联席会议");
  EXPECT_EQ(Prefix("a党b", 2), "a党");
  EXPECT_EQ(Prefix("党建", 5), "党建");
  EXPECT_EQ(Prefix("", 3), "");
  EXPECT_EQ(Prefix("党建", 0), "");
}

TEST(CleanTextTest, AcceptsUtf8TextWithTabsAndNewlines) {
  for (const std::string text : {"", "和平里社区", "line one\nline two\r\n\tindented", "😀 emoji", "é"}) {
    EXPECT_TRUE(IsCleanText(text)) << text;
  }
}

TEST(CleanTextTest, RefusesInvalidUtf8AndControlCharacters) {
  const std::string cases[] = {
      std::string("a\0b", 3),   // NUL
      "\x01",                   // C0 control
      "\x7f",                   // DEL
      "\xc2\x85",               // C1 control (NEL)
      "\xff",                   // never in UTF-8
      "\xc3",                   // truncated sequence
      "\xe5\x85",               // truncated CJK
      "\xc0\xaf",               // overlong '/'
      "\xed\xa0\x80",           // a UTF-16 surrogate
      "\xf4\x90\x80\x80",       // past U+10FFFF
      "name\x80",               // stray continuation byte
  };
  for (const std::string& text : cases) EXPECT_FALSE(IsCleanText(text)) << ::testing::PrintToString(text);
}

}  // namespace
}  // namespace liandong::core
