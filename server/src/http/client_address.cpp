#include "http/client_address.hpp"

#include <boost/asio/ip/address.hpp>
#include <charconv>
#include <optional>
#include <stdexcept>

namespace liandong::http {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// An address as 16 bytes (IPv4 mapped into IPv6), and its canonical spelling: IPv4 for mapped ones.
std::optional<std::array<std::uint8_t, 16>> Parse(std::string_view text, std::string* canonical = nullptr) {
  boost::system::error_code error;
  auto address = boost::asio::ip::make_address(std::string(Trim(text)), error);
  if (error) return std::nullopt;
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6());
  }
  if (canonical != nullptr) *canonical = address.to_string();
  if (address.is_v4()) return boost::asio::ip::make_address_v6(boost::asio::ip::v4_mapped, address.to_v4()).to_bytes();
  return address.to_v6().to_bytes();
}

}  // namespace

TrustedProxies::TrustedProxies(const std::vector<std::string>& entries) {
  for (const std::string& entry : entries) {
    const auto slash = entry.find('/');
    const auto bytes = Parse(std::string_view(entry).substr(0, slash));
    if (!bytes) throw std::invalid_argument("not an address or network: " + entry);
    Network network{*bytes, 128};
    if (slash != std::string::npos) {
      const std::string_view length = std::string_view(entry).substr(slash + 1);
      int prefix = -1;
      const auto [end, error] = std::from_chars(length.data(), length.data() + length.size(), prefix);
      const bool v4 = entry.find(':') == std::string::npos;
      if (error != std::errc() || end != length.data() + length.size() || prefix < 0 || prefix > (v4 ? 32 : 128)) {
        throw std::invalid_argument("not an address or network: " + entry);
      }
      network.prefix = v4 ? prefix + 96 : prefix;  // IPv4 lives in the last 32 bits
    }
    networks_.push_back(network);
  }
}

bool TrustedProxies::Trusts(std::string_view address) const {
  const auto bytes = Parse(address);
  if (!bytes) return false;
  for (const Network& network : networks_) {
    bool inside = true;
    for (int bit = 0; bit < network.prefix && inside; bit += 8) {
      const int bits = std::min(8, network.prefix - bit);
      const auto mask = static_cast<std::uint8_t>(0xff << (8 - bits));
      inside = ((*bytes)[bit / 8] & mask) == (network.bytes[bit / 8] & mask);
    }
    if (inside) return true;
  }
  return false;
}

std::string TrustedProxies::ClientAddress(std::string_view peer, std::string_view forwarded_for) const {
  std::string client(peer);
  if (!Trusts(peer)) return client;
  while (!forwarded_for.empty()) {
    const auto comma = forwarded_for.rfind(',');
    const std::string_view hop = comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1);
    forwarded_for = comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
    if (Trim(hop).empty()) continue;
    std::string canonical;
    if (!Parse(hop, &canonical)) break;
    client = canonical;
    if (!Trusts(client)) break;
  }
  return client;
}

}  // namespace liandong::http
