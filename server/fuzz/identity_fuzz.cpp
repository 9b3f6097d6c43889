// The identifier validators on any text: resident ID numbers (GB 11643), mobile phone numbers,
// unified social credit codes (GB 32100) and ISO dates. What they accept must be normalised, keep
// its check character under an independent computation, and mask to no more than it may show.
#include <chrono>
#include <string>

#include "fuzz_support.hpp"

namespace liandong::fuzz {
namespace {

// ISO 7064 MOD 11-2 as the standard writes it: weights 2^(17-i) mod 11, check (12 - sum mod 11) mod 11.
char IdNumberCheckCharacter(std::string_view first17) {
  int sum = 0;
  int weight = 1;
  for (int i = 16; i >= 0; --i) {
    weight = weight * 2 % 11;
    sum += (first17[i] - '0') * weight;
  }
  const int check = (12 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

// GB 32100: weights 3^i mod 31 over the 31-character alphabet, check (31 - sum mod 31) mod 31.
char CreditCodeCheckCharacter(std::string_view first17) {
  constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  int sum = 0;
  int weight = 1;
  for (std::size_t i = 0; i < 17; ++i) {
    sum += static_cast<int>(kAlphabet.find(first17[i])) * weight;
    weight = weight * 3 % 31;
  }
  return kAlphabet[(31 - sum % 31) % 31];
}

bool IsCalendarDate(int year, unsigned month, unsigned day) {
  using namespace std::chrono;
  return year >= 1900 && year <= 2199 &&
         year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}}.ok();
}

void CheckIdNumber(std::string_view text) {
  const auto id = core::NormaliseIdNumber(text);
  if (!id) return;
  Require(id->size() == 18 && core::NormaliseIdNumber(*id) == id, "an ID number does not re-normalise to itself");
  Require(IdNumberCheckCharacter(*id) == (*id)[17], "an accepted ID number has a wrong check character");
  Require(core::CompleteIdNumber(id->substr(0, 17)) == *id, "CompleteIdNumber disagrees with the check");
  const std::string birth = core::BirthDateOfIdNumber(*id);
  Require(core::IsIsoDate(birth), "an accepted ID number has an impossible birth date");
  const std::string masked = core::MaskIdNumber(*id);
  Require(masked.size() == 18 && ShownCharacters(masked) == 10 && masked.substr(0, 6) == id->substr(0, 6) &&
              masked.substr(14) == id->substr(14),
          "a masked ID number shows more than the region and the last four");
}

void CheckPhone(std::string_view text) {
  // Masks are only applied to normalised numbers, but must not show more on anything else.
  Require(ShownCharacters(core::MaskPhone(text)) <= 7, "a mask shows more than seven characters");
  Require(ShownCharacters(core::MaskIdNumber(text)) <= 10, "a mask shows more than ten characters");
  const auto phone = core::NormalisePhone(text);
  if (!phone) return;
  Require(phone->size() == 11 && (*phone)[0] == '1' && (*phone)[1] >= '3', "an accepted phone is not a mobile number");
  Require(core::NormalisePhone(*phone) == phone, "a phone does not re-normalise to itself");
  const std::string masked = core::MaskPhone(*phone);
  Require(masked == phone->substr(0, 3) + "****" + phone->substr(7), "a masked phone shows the wrong digits");
}

void CheckCreditCode(std::string_view text) {
  const auto code = unit::NormaliseCreditCode(text);
  if (!code) return;
  Require(code->size() == 18 && unit::NormaliseCreditCode(*code) == code, "a credit code does not re-normalise");
  Require(CreditCodeCheckCharacter(*code) == (*code)[17], "an accepted credit code has a wrong check character");
  Require(unit::CompleteCreditCode(code->substr(0, 17)) == *code, "CompleteCreditCode disagrees with the check");
}

void CheckDate(std::string_view text) {
  const bool iso = core::IsIsoDate(text);
  bool shaped = text.size() == 10;
  for (std::size_t i = 0; shaped && i < text.size(); ++i) {
    shaped = i == 4 || i == 7 ? text[i] == '-' : text[i] >= '0' && text[i] <= '9';
  }
  if (!shaped) {
    Require(!iso, "IsIsoDate accepts something not shaped YYYY-MM-DD");
    return;
  }
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const auto month = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
  const auto day = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
  Require(iso == IsCalendarDate(year, month, day), "IsIsoDate disagrees with std::chrono");
}

}  // namespace
}  // namespace liandong::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace liandong;
  const std::string_view text = fuzz::Text(data, size);
  fuzz::CheckIdNumber(text);
  fuzz::CheckPhone(text);
  fuzz::CheckCreditCode(text);
  fuzz::CheckDate(text);
  return 0;
}
