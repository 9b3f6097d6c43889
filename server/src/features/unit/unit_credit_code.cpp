#include "features/unit/unit_credit_code.hpp"

#include <array>

namespace liandong::unit {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

char CheckCharacter(std::string_view first_17) {
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) {
    sum += static_cast<int>(kAlphabet.find(first_17[i])) * kWeights[i];
  }
  return kAlphabet[(31 - sum % 31) % 31];
}

}  // namespace

std::optional<std::string> NormaliseCreditCode(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.size() != 18) return std::nullopt;
  std::string code(text);
  for (std::size_t i = 0; i < code.size(); ++i) {
    char& c = code[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    if (i >= 2 && i < 8 && (c < '0' || c > '9')) return std::nullopt;
  }
  if (CheckCharacter(code) != code[17]) return std::nullopt;
  return code;
}

std::string CompleteCreditCode(std::string_view first_17) {
  std::string code(first_17.substr(0, 17));
  code.push_back(CheckCharacter(code));
  return code;
}

}  // namespace liandong::unit
