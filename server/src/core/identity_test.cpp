#include "core/identity.hpp"

#include <gtest/gtest.h>

namespace liandong::core {
namespace {

TEST(IdentityTest, IdNumbersFollowGb11643) {
  struct Case {
    const char* text;
    std::optional<std::string> normalised;
  };
  const std::vector<Case> cases = {
      {"11010519491231002X", "11010519491231002X"},  // the standard's own example
      {"11010519491231002x", "11010519491231002X"},
      {" 110101199003070759 ", "110101199003070759"},
      {"110101199003070758", std::nullopt},  // wrong check digit
      {"110101199002300752", std::nullopt},  // 30 February
      {"11010519491231002", std::nullopt},   // 17 characters
      {"1101051949123100XX", std::nullopt},
      {"11010518001231002X", std::nullopt},  // year 1800
      {"", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(NormaliseIdNumber(c.text), c.normalised) << c.text;
  EXPECT_EQ(BirthDateOfIdNumber("11010519491231002X"), "1949-12-31");
  EXPECT_EQ(CompleteIdNumber("11010519491231002"), "11010519491231002X");
  EXPECT_EQ(CompleteIdNumber("11010119900307075"), "110101199003070759");
}

TEST(IdentityTest, MasksShowOnlyRegionAndTail) {
  EXPECT_EQ(MaskIdNumber("110101199003070759"), "110101********0759");
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
}

TEST(IdentityTest, PhonesAreMainlandMobiles) {
  EXPECT_EQ(NormalisePhone("138 1234 5678"), "13812345678");
  EXPECT_EQ(NormalisePhone("+86 138-1234-5678"), "13812345678");
  EXPECT_EQ(NormalisePhone("12812345678"), std::nullopt);
  EXPECT_EQ(NormalisePhone("1381234567"), std::nullopt);
  EXPECT_EQ(NormalisePhone("1381234567a"), std::nullopt);
}

TEST(IdentityTest, IsoDates) {
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2024-2-29"));
  EXPECT_FALSE(IsIsoDate("2024-13-01"));
}

}  // namespace
}  // namespace liandong::core
