#include "core/totp.hpp"

#include <gtest/gtest.h>

namespace liandong::core {
namespace {

const std::string kRfcSecret = "12345678901234567890";  // RFC 6238 appendix B, SHA-1

TEST(TotpTest, MatchesTheRfc6238TestVectors) {
  EXPECT_EQ(Hotp(kRfcSecret, TotpStep(59), 8), "94287082");
  EXPECT_EQ(Hotp(kRfcSecret, TotpStep(1111111109), 8), "07081804");
  EXPECT_EQ(Hotp(kRfcSecret, TotpStep(1234567890), 8), "89005924");
  EXPECT_EQ(Hotp(kRfcSecret, TotpStep(2000000000), 8), "69279037");
  EXPECT_EQ(Hotp(kRfcSecret, TotpStep(1111111109)), "081804");
}

TEST(TotpTest, AcceptsOneStepOfDriftEitherSide) {
  const std::int64_t now = 1234567890;
  const std::string code = Hotp(kRfcSecret, static_cast<std::uint64_t>(TotpStep(now)));
  EXPECT_EQ(MatchTotp(kRfcSecret, code, now, 0), TotpStep(now));
  EXPECT_EQ(MatchTotp(kRfcSecret, code, now + 30, 0), TotpStep(now));
  EXPECT_EQ(MatchTotp(kRfcSecret, code, now - 30, 0), TotpStep(now));
  EXPECT_FALSE(MatchTotp(kRfcSecret, code, now + 90, 0));
  EXPECT_FALSE(MatchTotp(kRfcSecret, "12345", now, 0));
  EXPECT_FALSE(MatchTotp("another secret 12345", code, now, 0));
}

TEST(TotpTest, NeverAcceptsACodeOfAStepAlreadyUsed) {
  const std::int64_t now = 2000000000;
  const std::string code = Hotp(kRfcSecret, static_cast<std::uint64_t>(TotpStep(now)));
  const auto step = MatchTotp(kRfcSecret, code, now, 0);
  ASSERT_TRUE(step);
  EXPECT_FALSE(MatchTotp(kRfcSecret, code, now, *step));
  EXPECT_FALSE(MatchTotp(kRfcSecret, code, now + 20, *step));
}

TEST(TotpTest, Base32RoundTripsAndMatchesRfc4648) {
  EXPECT_EQ(Base32Encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(Base32Decode("mzxw6ytboi======"), "foobar");
  EXPECT_EQ(Base32Decode("MZXW 6YTB OI"), "foobar");
  EXPECT_FALSE(Base32Decode("MZXW1"));
  EXPECT_EQ(Base32Decode(Base32Encode(kRfcSecret)), kRfcSecret);
}

TEST(TotpTest, UriCarriesIssuerAccountAndSecret) {
  EXPECT_EQ(TotpUri("Liandong", "sec.admin", "foobar"),
            "otpauth://totp/Liandong:sec.admin?secret=MZXW6YTBOI&issuer=Liandong&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace liandong::core
