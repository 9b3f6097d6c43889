#include "features/member/member_validation.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace liandong::member {
namespace {

MemberInput ValidInput() {
  MemberInput input;
  input.org_id = 7;
  input.name = "张建华";
  input.gender = "male";
  input.id_number = " 11010519491231002x ";
  input.phone = "+86 138-1234-5678";
  input.joined_on = "1975-07-01";
  input.full_member_on = "1976-07-01";
  return input;
}

TEST(MemberValidationTest, NormalisesTheIdentifiersOfAValidInput) {
  const ValidIdentifiers valid = ValidateMemberInput(ValidInput());
  EXPECT_EQ(valid.id_number, "11010519491231002X");
  EXPECT_EQ(valid.birth_date, "1949-12-31");
  EXPECT_EQ(valid.phone, "13812345678");
  MemberInput without_phone = ValidInput();
  without_phone.phone = "";
  EXPECT_EQ(ValidateMemberInput(without_phone).phone, std::nullopt);
}

TEST(MemberValidationTest, RefusesEachBadFieldWithItsCode) {
  const struct {
    void (*spoil)(MemberInput&);
    const char* code;
  } cases[] = {
      {[](MemberInput& input) { input.name = ""; }, "member.invalid_name"},
      {[](MemberInput& input) { input.name = std::string(51, 'a'); }, "member.name_too_long"},
      {[](MemberInput& input) { input.gender = "男"; }, "member.invalid_gender"},
      {[](MemberInput& input) { input.id_number = "110105194912310021"; }, "member.invalid_id_number"},
      {[](MemberInput& input) { input.phone = "12812345678"; }, "member.invalid_phone"},
      {[](MemberInput& input) { input.education = std::string(51, 'a'); }, "request.text_too_long"},
      {[](MemberInput& input) { input.joined_on = "1949-12-30"; }, "member.invalid_date"},
      {[](MemberInput& input) { input.joined_on = "1975-02-29"; }, "member.invalid_date"},
      {[](MemberInput& input) { input.full_member_on = "1975-06-30"; }, "member.invalid_date"},
      {[](MemberInput& input) { input.status = "retired"; }, "member.invalid_status"},
      {[](MemberInput& input) { input.standing = "gone"; }, "request.invalid_argument"},
  };
  for (const auto& test : cases) {
    MemberInput input = ValidInput();
    test.spoil(input);
    try {
      ValidateMemberInput(input);
      ADD_FAILURE() << "accepted, expected " << test.code;
    } catch (const core::AppError& error) {
      EXPECT_EQ(error.code(), test.code);
    }
  }
}

}  // namespace
}  // namespace liandong::member
