#include "core/password_policy.hpp"

#include <gtest/gtest.h>

namespace liandong::core {
namespace {

TEST(PasswordPolicyTest, NeedsLengthVarietyAndOriginality) {
  struct Case {
    std::string password;
    std::optional<std::string> error;
  };
  const std::vector<Case> cases = {
      {"Short1!", "password.too_short"},
      {"abcdefghijkl", "password.too_simple"},
      {"abcdefghijk1", "password.too_simple"},  // two kinds
      {"abcdefghij1!", std::nullopt},           // three kinds
      {"ABCdefghijk1", std::nullopt},
      {"P@ssw0rd1234", "password.common"},
      {"WOAINI5201314", "password.too_simple"},  // upper and digits only
      {"Woaini5201314", "password.common"},      // the list ignores case
      {"城市基层党建平台2024ab", std::nullopt},  // Chinese characters count as characters (and as symbols)
      {"street.admin#2026X", "password.contains_username"},
  };
  for (const Case& c : cases) EXPECT_EQ(CheckPasswordStrength(c.password, "street.admin"), c.error) << c.password;
}

}  // namespace
}  // namespace liandong::core
