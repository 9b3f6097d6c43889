#include "core/identity.hpp"

#include <array>
#include <cctype>

namespace liandong::core {
namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool IsValidDate(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  const int days = kDays[month - 1] + (month == 2 && IsLeapYear(year) ? 1 : 0);
  return day <= days;
}

int Digits(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

}  // namespace

std::optional<std::string> NormaliseIdNumber(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.size() != 18) return std::nullopt;
  std::string id(text);
  if (id[17] == 'x') id[17] = 'X';
  for (std::size_t i = 0; i < 17; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(id[i]))) return std::nullopt;
  }
  if (!std::isdigit(static_cast<unsigned char>(id[17])) && id[17] != 'X') return std::nullopt;
  if (!IsValidDate(Digits(id, 6, 4), Digits(id, 10, 2), Digits(id, 12, 2))) return std::nullopt;
  if (CompleteIdNumber(std::string_view(id).substr(0, 17)) != id) return std::nullopt;
  return id;
}

std::string CompleteIdNumber(std::string_view first17) {
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view kCheck = "10X98765432";
  int sum = 0;
  for (std::size_t i = 0; i < 17 && i < first17.size(); ++i) sum += (first17[i] - '0') * kWeights[i];
  return std::string(first17) + kCheck[sum % 11];
}

std::string BirthDateOfIdNumber(std::string_view id_number) {
  return std::string(id_number.substr(6, 4)) + "-" + std::string(id_number.substr(10, 2)) + "-" +
         std::string(id_number.substr(12, 2));
}

std::string MaskIdNumber(std::string_view id_number) {
  if (id_number.size() < 10) return std::string(id_number.size(), '*');
  return std::string(id_number.substr(0, 6)) + std::string(id_number.size() - 10, '*') +
         std::string(id_number.substr(id_number.size() - 4));
}

std::optional<std::string> NormalisePhone(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      digits.push_back(c);
    else if (c != ' ' && c != '-' && c != '+')
      return std::nullopt;
  }
  if (digits.size() == 13 && digits.starts_with("86")) digits.erase(0, 2);
  if (digits.size() != 11 || digits[0] != '1' || digits[1] < '3') return std::nullopt;
  return digits;
}

std::string MaskPhone(std::string_view phone) {
  if (phone.size() < 8) return std::string(phone.size(), '*');
  return std::string(phone.substr(0, 3)) + std::string(phone.size() - 7, '*') +
         std::string(phone.substr(phone.size() - 4));
}

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return IsValidDate(Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2));
}

}  // namespace liandong::core
