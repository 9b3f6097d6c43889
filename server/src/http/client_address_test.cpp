#include "http/client_address.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace liandong::http {
namespace {

TEST(TrustedProxiesTest, WithoutTrustedProxiesTheHeaderIsIgnored) {
  const TrustedProxies none;
  EXPECT_EQ(none.ClientAddress("203.0.113.7", "198.51.100.1"), "203.0.113.7");
}

TEST(TrustedProxiesTest, AnUntrustedPeerCannotChooseItsAddress) {
  const TrustedProxies proxies({"10.0.0.0/8"});
  EXPECT_EQ(proxies.ClientAddress("203.0.113.7", "198.51.100.1"), "203.0.113.7");
}

TEST(TrustedProxiesTest, TheRightMostUntrustedHopIsTheClient) {
  // client → nginx (10.0.0.2) → HAProxy (10.0.0.3) → server; the client forged a first hop.
  const TrustedProxies proxies({"10.0.0.2", "10.0.0.3"});
  EXPECT_EQ(proxies.ClientAddress("10.0.0.3", "1.2.3.4, 203.0.113.7, 10.0.0.2"), "203.0.113.7");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.3", "203.0.113.7"), "203.0.113.7");
  // Several headers arrive joined with commas; blanks are skipped.
  EXPECT_EQ(proxies.ClientAddress("10.0.0.3", "203.0.113.7,, 10.0.0.2 "), "203.0.113.7");
}

TEST(TrustedProxiesTest, NetworksAndIpv6AreMatchedByPrefix) {
  const TrustedProxies proxies({"127.0.0.0/8", "fd00::/8", "192.168.1.0/24"});
  EXPECT_TRUE(proxies.Trusts("127.5.6.7"));
  EXPECT_TRUE(proxies.Trusts("::ffff:127.0.0.1"));  // an IPv4-mapped peer of a dual-stack socket
  EXPECT_TRUE(proxies.Trusts("fd12:3456::1"));
  EXPECT_TRUE(proxies.Trusts("192.168.1.200"));
  EXPECT_FALSE(proxies.Trusts("192.168.2.1"));
  EXPECT_FALSE(proxies.Trusts("fe80::1"));
  EXPECT_FALSE(proxies.Trusts("not an address"));
  EXPECT_EQ(proxies.ClientAddress("::1", "2001:db8::5"), "::1");  // ::1 is not in the list
  EXPECT_EQ(proxies.ClientAddress("fd00::9", "2001:db8::5"), "2001:db8::5");
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "::ffff:203.0.113.7"), "203.0.113.7");
}

TEST(TrustedProxiesTest, GarbageEndsTheWalkAtTheLastTrustedHop) {
  const TrustedProxies proxies({"10.0.0.0/8"});
  EXPECT_EQ(proxies.ClientAddress("10.0.0.3", "203.0.113.7, <script>, 10.0.0.2"), "10.0.0.2");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.3", "unknown"), "10.0.0.3");
  EXPECT_EQ(proxies.ClientAddress("10.0.0.3", ""), "10.0.0.3");
}

TEST(TrustedProxiesTest, MalformedEntriesAreRefused) {
  EXPECT_THROW(TrustedProxies({"10.0.0.0/33"}), std::invalid_argument);
  EXPECT_THROW(TrustedProxies({"proxy.example"}), std::invalid_argument);
  EXPECT_THROW(TrustedProxies({"10.0.0.0/x"}), std::invalid_argument);
  EXPECT_THROW(TrustedProxies({"::/129"}), std::invalid_argument);
  EXPECT_NO_THROW(TrustedProxies({"::1", "0.0.0.0/0"}));
}

}  // namespace
}  // namespace liandong::http
