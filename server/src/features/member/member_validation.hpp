// The checks of a member's fields that need no database: what creating and importing a member
// share, and what the fuzz target drives.
#pragma once

#include <optional>
#include <string>

#include "features/member/member_model.hpp"

namespace liandong::member {

// The identifiers of a valid member input, normalised.
struct ValidIdentifiers {
  std::string id_number;             // 18 characters, check character upper-case
  std::string birth_date;            // "YYYY-MM-DD", from the ID number
  std::optional<std::string> phone;  // 11 digits; nullopt when the input has none
};

// Checks the name, gender, ID number, phone, education, dates, status and standing of `input`, in
// that order, and throws AppError with the code of the first that fails (member.invalid_name, …).
// The org and the linked community are the service's to check.
ValidIdentifiers ValidateMemberInput(const MemberInput& input);

// Names of up to 50 characters (a Uyghur or Tibetan name in Chinese script runs long).
inline constexpr std::size_t kMaxMemberNameCharacters = 50;
// member.invalid_name when empty, member.name_too_long past the limit.
void CheckMemberName(const std::string& name);

// Throws member.invalid_date unless `date` is absent or an ISO date no earlier than `not_before`.
void CheckMemberDate(const std::optional<std::string>& date, const std::string& not_before);

}  // namespace liandong::member
