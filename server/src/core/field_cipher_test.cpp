#include "core/field_cipher.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"

namespace liandong::core {
namespace {

class FieldCipherTest : public ::testing::Test {
 protected:
  void SetUp() override { InitCrypto(); }
  FieldCipher cipher_{std::string(32, 'k')};
};

TEST_F(FieldCipherTest, RoundTripsAndHidesThePlaintext) {
  const std::string id_number = "11010519491231002X";
  const std::string sealed = cipher_.Encrypt(id_number);
  EXPECT_EQ(sealed.find("1949"), std::string::npos);
  EXPECT_EQ(cipher_.Decrypt(sealed), id_number);
  EXPECT_NE(cipher_.Encrypt(id_number), sealed) << "a fresh IV each time";
  EXPECT_EQ(cipher_.Decrypt(cipher_.Encrypt("")), "");
}

TEST_F(FieldCipherTest, RejectsTamperingAndOtherKeys) {
  std::string sealed = cipher_.Encrypt("13800138000");
  sealed[5] = sealed[5] == 'A' ? 'B' : 'A';
  EXPECT_EQ(cipher_.Decrypt(sealed), std::nullopt);
  const FieldCipher other(std::string(32, 'x'));
  EXPECT_EQ(other.Decrypt(cipher_.Encrypt("13800138000")), std::nullopt);
  EXPECT_EQ(cipher_.Decrypt("not base64!"), std::nullopt);
  EXPECT_EQ(cipher_.Decrypt(""), std::nullopt);
}

TEST_F(FieldCipherTest, BlindIndexIsStablePerKeyAndValue) {
  EXPECT_EQ(cipher_.BlindIndex("13800138000"), cipher_.BlindIndex("13800138000"));
  EXPECT_NE(cipher_.BlindIndex("13800138000"), cipher_.BlindIndex("13800138001"));
  EXPECT_NE(FieldCipher(std::string(32, 'x')).BlindIndex("13800138000"), cipher_.BlindIndex("13800138000"));
  EXPECT_EQ(cipher_.BlindIndex("x").size(), 64u);
}

TEST(HmacSm3Test, MatchesAKnownVector) {
  // As `openssl dgst -sm3 -hmac key` computes it: catches a swapped key and message.
  EXPECT_EQ(ToHex(HmacSm3("key", "The quick brown fox jumps over the lazy dog")),
            "bd4a34077888162b210645b8ebf74b9af357303789357a27c7fc457244ebd398");
}

}  // namespace
}  // namespace liandong::core
