#include "core/password_policy.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/embedded_resources.hpp"
#include "core/text.hpp"

namespace liandong::core {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

const std::set<std::string>& CommonPasswords() {
  static const std::set<std::string> passwords = [] {
    std::set<std::string> loaded;
    std::string_view text = EmbeddedCommonPasswords();
    while (!text.empty()) {
      const auto end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (!line.empty() && line.front() != '#') loaded.insert(Lower(line));
    }
    return loaded;
  }();
  return passwords;
}


}  // namespace

std::optional<std::string> CheckPasswordStrength(std::string_view password, std::string_view username) {
  if (CharacterCount(password) < kMinPasswordLength) return "password.too_short";
  bool upper = false, lower = false, digit = false, other = false;
  for (unsigned char c : password) {
    if (std::isupper(c))
      upper = true;
    else if (std::islower(c))
      lower = true;
    else if (std::isdigit(c))
      digit = true;
    else
      other = true;
  }
  if (int(upper) + int(lower) + int(digit) + int(other) < 3) return "password.too_simple";
  const std::string lowered = Lower(password);
  if (CommonPasswords().count(lowered) > 0) return "password.common";
  if (username.size() >= 3 && lowered.find(Lower(username)) != std::string::npos) return "password.contains_username";
  return std::nullopt;
}

}  // namespace liandong::core
