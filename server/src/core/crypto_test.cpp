#include "core/crypto.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <set>

namespace liandong::core {
namespace {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { InitCrypto(); }
};

TEST_F(CryptoTest, Sm3MatchesTheStandardExample) {
  // GB/T 32905-2016, example 1: SM3("abc").
  EXPECT_EQ(Sm3Hex("abc"), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
}

TEST_F(CryptoTest, TokensAre256BitsAndDistinct) {
  std::set<std::string> tokens;
  for (int i = 0; i < 100; ++i) {
    std::string token = RandomToken();
    EXPECT_EQ(token.size(), 43u);
    for (char c : token) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
    tokens.insert(token);
  }
  EXPECT_EQ(tokens.size(), 100u);
}

TEST_F(CryptoTest, PasswordHashVerifiesOnlyTheSamePassword) {
  const std::string hash = HashPassword("正确的密码-Correct1");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword("正确的密码-Correct1", hash));
  EXPECT_FALSE(VerifyPassword("正确的密码-Correct2", hash));
  EXPECT_FALSE(VerifyPassword("", hash));
  EXPECT_NE(HashPassword("same"), HashPassword("same")) << "each hash has its own salt";
}

TEST_F(CryptoTest, RandomPasswordsHaveEveryCharacterClass) {
  for (int i = 0; i < 50; ++i) {
    const std::string password = RandomPassword();
    EXPECT_EQ(password.size(), 16u);
    bool upper = false, lower = false, digit = false, symbol = false;
    for (unsigned char c : password) {
      upper |= std::isupper(c) != 0;
      lower |= std::islower(c) != 0;
      digit |= std::isdigit(c) != 0;
      symbol |= std::ispunct(c) != 0;
    }
    EXPECT_TRUE(upper && lower && digit && symbol) << password;
  }
  EXPECT_EQ(RandomPassword(4).size(), 12u) << "never shorter than 12";
}

TEST_F(CryptoTest, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

}  // namespace
}  // namespace liandong::core
