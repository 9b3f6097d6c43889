#include "features/unit/unit_validation.hpp"

#include <gtest/gtest.h>

namespace liandong::unit {
namespace {

UnitFields ValidFields() {
  UnitFields fields;
  fields.name = "和平科技有限公司";
  fields.credit_code = " 9144030071526726xg";
  fields.unit_kind = "private_enterprise";
  fields.staff_count = 120;
  fields.org_id = 3;
  return fields;
}

std::vector<std::string> CodesOf(const std::vector<FieldError>& errors) {
  std::vector<std::string> codes;
  for (const FieldError& error : errors) codes.push_back(error.field + " " + error.code);
  return codes;
}

TEST(UnitValidationTest, AcceptsValidFieldsAndNormalisesTheCreditCode) {
  UnitFields fields = ValidFields();
  EXPECT_TRUE(CheckUnitValues(fields).empty());
  EXPECT_EQ(fields.credit_code, "9144030071526726XG");
  fields.name.clear();
  for (int i = 0; i < 100; ++i) fields.name += "单";
  EXPECT_TRUE(CheckUnitValues(fields).empty()) << "100 characters is the limit, not 100 bytes";
}

TEST(UnitValidationTest, ReportsEveryBadFieldInFieldOrder) {
  UnitFields fields = ValidFields();
  fields.name = "";
  fields.credit_code = "9144030071526726XH";
  fields.unit_kind = "company";
  fields.industry = std::string(51, 'a');
  fields.staff_count = -1;
  fields.legal_representative = std::string(51, 'a');
  fields.instructor = std::string(51, 'a');
  const std::vector<std::string> expected = {
      "name unit.invalid_name",       "credit_code unit.invalid_credit_code", "unit_kind unit.invalid_kind",
      "industry unit.invalid_field",  "staff_count unit.invalid_staff_count", "legal_representative unit.invalid_field",
      "instructor unit.invalid_field"};
  EXPECT_EQ(CodesOf(CheckUnitValues(fields)), expected);
  EXPECT_EQ(fields.credit_code, "9144030071526726XH") << "an invalid code is left as sent";
}

}  // namespace
}  // namespace liandong::unit
