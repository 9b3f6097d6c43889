// Chinese personal identifiers: resident ID numbers (GB 11643-1999) and mobile phone numbers,
// validated, normalised and masked for display.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace liandong::core {

// The normalised 18-character ID number (upper-case X), or nullopt if it is not a valid one:
// wrong length or characters, an impossible birth date, or a wrong check character.
std::optional<std::string> NormaliseIdNumber(std::string_view text);

// The 18-character ID number whose first 17 digits are `first17`, with its check character:
// for test and demo data.
std::string CompleteIdNumber(std::string_view first17);

// The birth date an ID number holds, "YYYY-MM-DD". The number must be normalised.
std::string BirthDateOfIdNumber(std::string_view id_number);

// "110101********1234": the region and the last four characters only.
std::string MaskIdNumber(std::string_view id_number);

// The 11-digit mainland mobile number (spaces, dashes and a +86 prefix removed), or nullopt.
std::optional<std::string> NormalisePhone(std::string_view text);

// "138****5678".
std::string MaskPhone(std::string_view phone);

// True for a valid calendar date written "YYYY-MM-DD".
bool IsIsoDate(std::string_view text);

}  // namespace liandong::core
