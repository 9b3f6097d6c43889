// JSON shapes of units and coverage, both ways: what the routes return and what they accept.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <vector>

#include "features/unit/unit_model.hpp"
#include "http/request.hpp"

namespace liandong::unit {

// {id,name,credit_code,unit_kind,industry,staff_count,legal_representative,org:{id,name},
//  eligible_for_org,own_org:{id,name}|null,joint_branch_org:{id,name}|null,instructor,key_enterprise,
//  coverage,archived}
boost::json::value ToJson(const Unit& unit);
// {"items":[Unit],"total","page","page_size"}
boost::json::value ToJson(const UnitPage& page);
// {"org_id","eligible","own_org","joint_branch","work_only","uncovered","organisation_coverage_rate",
//  "work_coverage_rate","by_child":[{"org_id","name","level","eligible",…,"uncovered"}]}
boost::json::value ToJson(const OrgCoverage& coverage);
// {"created","updated","unchanged","errors":[{"row","field","code","message"}]}, messages in `language`.
boost::json::value ToJson(const ImportResult& result, http::Language language);

// A new unit: name, credit_code, unit_kind and org_id are required, the rest default to empty,
// 0, false or null. Throws AppError with the first field's code on a missing or mistyped field.
UnitFields ParseNewUnit(const boost::json::object& body);
// The fields present in the body; same errors as ParseNewUnit for those present.
UnitPatch ParseUnitPatch(const boost::json::object& body);
// {"rows":[{…}]}: each row read like ParseNewUnit, its errors kept with it rather than thrown.
// request.invalid_argument without a rows array, unit.too_many_rows over 5000 rows.
std::vector<ImportRow> ParseImportRows(const boost::json::object& body);

}  // namespace liandong::unit
