// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP, HMAC-SHA1, 6 digits, 30-second
// steps): what every authenticator app speaks. Secrets travel as RFC 4648 base32.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace liandong::core {

inline constexpr std::int64_t kTotpStepSeconds = 30;

std::string Base32Encode(std::string_view bytes);
// Decodes base32, ignoring case, spaces and padding; nullopt on any other character.
std::optional<std::string> Base32Decode(std::string_view text);

// The HOTP value of `counter`, as `digits` decimal digits with leading zeros.
std::string Hotp(std::string_view secret, std::uint64_t counter, int digits = 6);

inline std::int64_t TotpStep(std::int64_t unix_seconds) { return unix_seconds / kTotpStepSeconds; }

// The time step whose code `code` is, within one step either side of `now` (clock drift), and
// only if that step is later than `last_used_step`: a code is never accepted twice.
std::optional<std::int64_t> MatchTotp(std::string_view secret, std::string_view code, std::int64_t now,
                                      std::int64_t last_used_step);

// The otpauth:// address an authenticator app reads from the QR code.
std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret);

}  // namespace liandong::core
