// The client's address behind reverse proxies (nginx terminating TLS, HAProxy balancing servers).
// Only proxies the deployment names (--trusted-proxy) are believed: from one of them the client is
// the right-most address of X-Forwarded-For that is not itself a trusted proxy. From anybody else
// the header is ignored, so that a client cannot pick the address its login attempts are counted
// under (the per-address rate limit) or recorded with (the audit log).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace liandong::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Each entry an address ("10.0.0.5", "::1") or a network ("10.0.0.0/8", "fd00::/8").
  // Throws std::invalid_argument naming a malformed entry.
  explicit TrustedProxies(const std::vector<std::string>& entries);

  bool empty() const { return networks_.empty(); }
  bool Trusts(std::string_view address) const;
  // `peer` is the connection's address; `forwarded_for` the X-Forwarded-For value (several
  // headers joined with commas). Walks the list from the right past trusted proxies; an entry that
  // is not an address ends the walk at the last proxy that was trusted.
  std::string ClientAddress(std::string_view peer, std::string_view forwarded_for) const;

 private:
  struct Network {
    std::array<std::uint8_t, 16> bytes{};  // IPv4 as IPv4-mapped IPv6
    int prefix = 128;
  };
  std::vector<Network> networks_;
};

}  // namespace liandong::http
