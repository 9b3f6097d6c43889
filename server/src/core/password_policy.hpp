// What a password must be (等保三级): at least 12 characters, at least three of the four kinds
// (upper case, lower case, digits, symbols), not on the list of common passwords, and not the
// username. Reuse and expiry are checked by the auth service, which knows the history.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace liandong::core {

inline constexpr std::size_t kMinPasswordLength = 12;

// nullopt when acceptable; otherwise the error code: password.too_short, password.too_simple,
// password.common, password.contains_username.
std::optional<std::string> CheckPasswordStrength(std::string_view password, std::string_view username);

}  // namespace liandong::core
