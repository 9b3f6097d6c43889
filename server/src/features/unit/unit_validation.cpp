#include "features/unit/unit_validation.hpp"

#include "core/text.hpp"

#include "features/unit/unit_credit_code.hpp"

namespace liandong::unit {
namespace {

using core::ErrorKind;

constexpr std::size_t kMaxNameLength = 100;  // characters
constexpr std::size_t kMaxTextLength = 50;   // industry, legal representative, instructor
constexpr std::int64_t kMaxStaffCount = 10'000'000;

}  // namespace

std::vector<FieldError> CheckUnitValues(UnitFields& fields) {
  std::vector<FieldError> errors;
  const auto fail = [&errors](const char* field, const char* code) {
    errors.push_back(FieldError{field, ErrorKind::kInvalidArgument, code});
  };
  if (fields.name.empty() || core::CharacterCount(fields.name) > kMaxNameLength) fail("name", "unit.invalid_name");
  if (auto code = NormaliseCreditCode(fields.credit_code)) {
    fields.credit_code = std::move(*code);
  } else {
    fail("credit_code", "unit.invalid_credit_code");
  }
  if (!IsUnitKind(fields.unit_kind)) fail("unit_kind", "unit.invalid_kind");
  if (core::CharacterCount(fields.industry) > kMaxTextLength) fail("industry", "unit.invalid_field");
  if (fields.staff_count < 0 || fields.staff_count > kMaxStaffCount) fail("staff_count", "unit.invalid_staff_count");
  if (core::CharacterCount(fields.legal_representative) > kMaxTextLength) fail("legal_representative", "unit.invalid_field");
  if (core::CharacterCount(fields.instructor) > kMaxTextLength) fail("instructor", "unit.invalid_field");
  return errors;
}

}  // namespace liandong::unit
