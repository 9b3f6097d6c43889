#include "features/unit/unit_credit_code.hpp"

#include <gtest/gtest.h>

namespace liandong::unit {
namespace {

TEST(UnitCreditCodeTest, AcceptsValidCodesAndNormalisesThem) {
  EXPECT_EQ(NormaliseCreditCode("9144030071526726XG"), "9144030071526726XG");
  EXPECT_EQ(NormaliseCreditCode(" 9144030071526726xg\t"), "9144030071526726XG");
  const std::string completed = CompleteCreditCode("91110101MA01A0001");
  EXPECT_EQ(completed.size(), 18u);
  EXPECT_EQ(NormaliseCreditCode(completed), completed);
}

TEST(UnitCreditCodeTest, RejectsWhatIsNotACode) {
  const struct {
    const char* code;
    const char* why;
  } cases[] = {
      {"", "empty"},
      {"9144030071526726X", "17 characters"},
      {"9144030071526726XGG", "19 characters"},
      {"9144030071526726XH", "wrong check character"},
      {"9144030O71526726XG", "O is not in the alphabet"},
      {"91A4030071526726XG", "division code with a letter"},
      {"和平科技有限公司代码有十八个字符了", "not ASCII"},
  };
  for (const auto& test : cases) EXPECT_EQ(NormaliseCreditCode(test.code), std::nullopt) << test.why;
}

}  // namespace
}  // namespace liandong::unit
