#include "features/member/member_validation.hpp"

#include <initializer_list>
#include <string_view>

#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"

namespace liandong::member {
namespace {

using core::AppError;
using core::ErrorKind;

bool IsOneOf(const std::string& value, std::initializer_list<std::string_view> allowed) {
  for (std::string_view candidate : allowed) {
    if (value == candidate) return true;
  }
  return false;
}

}  // namespace

void CheckMemberName(const std::string& name) {
  if (name.empty()) throw AppError(ErrorKind::kInvalidArgument, "member.invalid_name");
  if (core::CharacterCount(name) > kMaxMemberNameCharacters) {
    throw AppError(ErrorKind::kInvalidArgument, "member.name_too_long");
  }
}

void CheckMemberDate(const std::optional<std::string>& date, const std::string& not_before) {
  if (date && (!core::IsIsoDate(*date) || *date < not_before)) {
    throw AppError(ErrorKind::kInvalidArgument, "member.invalid_date");
  }
}

ValidIdentifiers ValidateMemberInput(const MemberInput& input) {
  ValidIdentifiers valid;
  CheckMemberName(input.name);
  if (!IsOneOf(input.gender, {"male", "female"})) throw AppError(ErrorKind::kInvalidArgument, "member.invalid_gender");
  const auto id_number = core::NormaliseIdNumber(input.id_number);
  if (!id_number) throw AppError(ErrorKind::kInvalidArgument, "member.invalid_id_number");
  valid.id_number = *id_number;
  valid.birth_date = core::BirthDateOfIdNumber(*id_number);
  if (!input.phone.empty()) {
    valid.phone = core::NormalisePhone(input.phone);
    if (!valid.phone) throw AppError(ErrorKind::kInvalidArgument, "member.invalid_phone");
  }
  if (core::CharacterCount(input.education) > 50) {
    throw AppError(ErrorKind::kInvalidArgument, "request.text_too_long", "education");
  }
  CheckMemberDate(input.joined_on, valid.birth_date);
  CheckMemberDate(input.full_member_on, input.joined_on.value_or(valid.birth_date));
  if (!IsOneOf(input.status, {"full", "probationary"})) {
    throw AppError(ErrorKind::kInvalidArgument, "member.invalid_status");
  }
  if (!IsOneOf(input.standing, {"normal", "suspended", "lost_contact", "left"})) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "standing");
  }
  return valid;
}

}  // namespace liandong::member
