#include "core/text_search.hpp"

#include <gtest/gtest.h>

namespace liandong::core {
namespace {

TEST(TextSearchTest, IndexesChineseAsOverlappingPairs) {
  struct Case {
    std::string text;
    std::string grams;
  };
  const std::vector<Case> cases = {
      {"和平街道", "和平 平街 街道"},
      {"和平", "和平"},
      {"张", "张"},
      {"东城区（第一）网格", "东城 城区 第一 网格"},
      {"XX科技Co.有限公司", "xx 科技 co 有限 限公 公司"},
      {"示范市 2024 年度", "示范 范市 2024 年度"},
      {"", ""},
      {"···", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(SearchGrams(c.text), c.grams) << c.text;
}

TEST(TextSearchTest, QueriesNeedEveryGramOnce) {
  EXPECT_EQ(QueryGrams("和平"), (std::vector<std::string>{"和平"}));
  EXPECT_EQ(QueryGrams("和平和平"), (std::vector<std::string>{"和平", "平和"}));
  EXPECT_TRUE(QueryGrams("  ,. ").empty());
  EXPECT_TRUE(IsSingleCharacterQuery("张"));
  EXPECT_TRUE(IsSingleCharacterQuery(" 张 "));
  EXPECT_FALSE(IsSingleCharacterQuery("张三"));
  EXPECT_FALSE(IsSingleCharacterQuery("a"));
}

TEST(TextSearchTest, SurvivesBrokenUtf8) {
  EXPECT_EQ(SearchGrams(std::string("\xe5\x92", 2) + "和平"), "和平");
  EXPECT_EQ(SearchGrams(std::string("\xff\xfe")), "");
}

}  // namespace
}  // namespace liandong::core
