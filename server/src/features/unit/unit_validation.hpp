// The checks of a unit's fields that need no database: what creating, updating and importing a
// unit share, and what the fuzz target drives.
#pragma once

#include <vector>

#include "features/unit/unit_model.hpp"

namespace liandong::unit {

// The errors of the name, credit code, kind, industry, staff count, legal representative and
// instructor of `fields`, in that order (unit.invalid_name, unit.invalid_credit_code, …); empty
// when all are valid. Normalises the credit code in place when it is valid. The linked orgs are
// the service's to check.
std::vector<FieldError> CheckUnitValues(UnitFields& fields);

}  // namespace liandong::unit
