#include "features/unit/unit_json.hpp"

#include <boost/json/array.hpp>
#include <cmath>

#include "core/error.hpp"
#include "http/errors.hpp"

namespace liandong::unit {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxImportRows = 5000;

boost::json::value ToJson(const std::optional<OrgRef>& org) {
  if (!org) return nullptr;
  return boost::json::object{{"id", org->id}, {"name", org->name}};
}

void PutCounts(boost::json::object& body, const CoverageCounts& counts) {
  body["eligible"] = counts.eligible;
  body["own_org"] = counts.own_org;
  body["joint_branch"] = counts.joint_branch;
  body["work_only"] = counts.work_only;
  body["uncovered"] = counts.uncovered;
}

// The error code of a field that is missing or of the wrong type.
const char* InvalidCodeOf(std::string_view field) {
  if (field == "name") return "unit.invalid_name";
  if (field == "credit_code") return "unit.invalid_credit_code";
  if (field == "unit_kind") return "unit.invalid_kind";
  if (field == "staff_count") return "unit.invalid_staff_count";
  if (field == "org_id") return "unit.invalid_org";
  if (field == "own_org_id") return "unit.invalid_own_org";
  if (field == "joint_branch_org_id") return "unit.invalid_joint_branch";
  return "unit.invalid_field";
}

// Reads the unit fields present in `object`, with the errors of those that cannot be read.
class FieldReader {
 public:
  FieldReader(const boost::json::object& object, std::vector<FieldError>& errors) : object_(object), errors_(errors) {}

  void Fail(std::string_view field) {
    errors_.push_back(FieldError{std::string(field), ErrorKind::kInvalidArgument, InvalidCodeOf(field)});
  }

  // A text field; null reads as "".
  void Text(std::string_view field, std::optional<std::string>& out) {
    const auto* value = object_.if_contains(field);
    if (value == nullptr) return;
    if (value->is_null()) {
      out = std::string();
    } else if (value->is_string()) {
      out = std::string(value->as_string());
    } else {
      Fail(field);
    }
  }

  void Boolean(std::string_view field, std::optional<bool>& out) {
    const auto* value = object_.if_contains(field);
    if (value == nullptr) return;
    if (value->is_bool()) {
      out = value->as_bool();
    } else {
      Fail(field);
    }
  }

  // A whole number, from a JSON integer or an integral double (spreadsheets send 12.0).
  std::optional<std::int64_t> Integer(const boost::json::value& value) {
    if (value.is_int64()) return value.as_int64();
    if (value.is_uint64() && value.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
      return static_cast<std::int64_t>(value.as_uint64());
    }
    if (value.is_double() && std::isfinite(value.as_double()) && std::trunc(value.as_double()) == value.as_double() &&
        std::fabs(value.as_double()) < 9.0e15) {
      return static_cast<std::int64_t>(value.as_double());
    }
    return std::nullopt;
  }

  void Count(std::string_view field, std::optional<std::int64_t>& out) {
    const auto* value = object_.if_contains(field);
    if (value == nullptr) return;
    if (auto number = Integer(*value)) {
      out = *number;
    } else {
      Fail(field);
    }
  }

  void Id(std::string_view field, std::optional<std::int64_t>& out) {
    const auto* value = object_.if_contains(field);
    if (value == nullptr) return;
    const auto number = Integer(*value);
    if (number && *number > 0) {
      out = *number;
    } else {
      Fail(field);
    }
  }

  // An id or null (clear the link).
  void OptionalId(std::string_view field, std::optional<std::optional<std::int64_t>>& out) {
    const auto* value = object_.if_contains(field);
    if (value == nullptr) return;
    if (value->is_null()) {
      out = std::optional<std::int64_t>();
      return;
    }
    const auto number = Integer(*value);
    if (number && *number > 0) {
      out = number;
    } else {
      Fail(field);
    }
  }

 private:
  const boost::json::object& object_;
  std::vector<FieldError>& errors_;
};

UnitPatch ReadPatch(const boost::json::object& object, std::vector<FieldError>& errors) {
  UnitPatch patch;
  FieldReader reader(object, errors);
  reader.Text("name", patch.name);
  reader.Text("credit_code", patch.credit_code);
  reader.Text("unit_kind", patch.unit_kind);
  reader.Text("industry", patch.industry);
  reader.Count("staff_count", patch.staff_count);
  reader.Text("legal_representative", patch.legal_representative);
  reader.Id("org_id", patch.org_id);
  reader.Boolean("eligible_for_org", patch.eligible_for_org);
  reader.OptionalId("own_org_id", patch.own_org_id);
  reader.OptionalId("joint_branch_org_id", patch.joint_branch_org_id);
  reader.Text("instructor", patch.instructor);
  reader.Boolean("key_enterprise", patch.key_enterprise);
  return patch;
}

UnitFields ReadNewUnit(const boost::json::object& object, std::vector<FieldError>& errors) {
  const UnitPatch patch = ReadPatch(object, errors);
  FieldReader reader(object, errors);
  const auto require = [&](std::string_view field, bool present) {
    const bool already_reported =
        std::any_of(errors.begin(), errors.end(), [field](const FieldError& error) { return error.field == field; });
    if (!present && !already_reported) reader.Fail(field);
  };
  require("name", patch.name.has_value());
  require("credit_code", patch.credit_code.has_value());
  require("unit_kind", patch.unit_kind.has_value());
  require("org_id", patch.org_id.has_value());
  return ApplyPatch(UnitFields{}, patch);
}

[[noreturn]] void Throw(const FieldError& error) { throw AppError(error.kind, error.code, error.field); }

}  // namespace

boost::json::value ToJson(const Unit& unit) {
  const UnitFields& fields = unit.fields;
  return boost::json::object{
      {"id", unit.id},
      {"name", fields.name},
      {"credit_code", fields.credit_code},
      {"unit_kind", fields.unit_kind},
      {"industry", fields.industry},
      {"staff_count", fields.staff_count},
      {"legal_representative", fields.legal_representative},
      {"org", boost::json::object{{"id", unit.org.id}, {"name", unit.org.name}}},
      {"eligible_for_org", fields.eligible_for_org},
      {"own_org", ToJson(unit.own_org)},
      {"joint_branch_org", ToJson(unit.joint_branch_org)},
      {"instructor", fields.instructor},
      {"key_enterprise", fields.key_enterprise},
      {"coverage", ToString(unit.coverage)},
      {"archived", unit.archived},
  };
}

boost::json::value ToJson(const UnitPage& page) {
  boost::json::array items;
  for (const Unit& unit : page.items) items.push_back(ToJson(unit));
  return boost::json::object{
      {"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"page_size", page.page_size}};
}

boost::json::value ToJson(const OrgCoverage& coverage) {
  boost::json::object body{{"org_id", coverage.org_id}};
  PutCounts(body, coverage.counts);
  body["organisation_coverage_rate"] = coverage.counts.OrganisationCoverageRate();
  body["work_coverage_rate"] = coverage.counts.WorkCoverageRate();
  boost::json::array by_child;
  for (const ChildCoverage& child : coverage.by_child) {
    boost::json::object entry{{"org_id", child.org_id}, {"name", child.name}, {"level", child.level}};
    PutCounts(entry, child.counts);
    by_child.push_back(std::move(entry));
  }
  body["by_child"] = std::move(by_child);
  return body;
}

boost::json::value ToJson(const ImportResult& result, http::Language language) {
  boost::json::array errors;
  for (const ImportError& error : result.errors) {
    errors.push_back(boost::json::object{
        {"row", error.row},
        {"field", error.error.field},
        {"code", error.error.code},
        {"message", http::ErrorMessage(error.error.code, error.error.kind, language)},
    });
  }
  return boost::json::object{{"created", result.created},
                             {"updated", result.updated},
                             {"unchanged", result.unchanged},
                             {"errors", std::move(errors)}};
}

UnitFields ParseNewUnit(const boost::json::object& body) {
  std::vector<FieldError> errors;
  UnitFields fields = ReadNewUnit(body, errors);
  if (!errors.empty()) Throw(errors.front());
  return fields;
}

UnitPatch ParseUnitPatch(const boost::json::object& body) {
  std::vector<FieldError> errors;
  UnitPatch patch = ReadPatch(body, errors);
  if (!errors.empty()) Throw(errors.front());
  return patch;
}

std::vector<ImportRow> ParseImportRows(const boost::json::object& body) {
  const auto* rows = body.if_contains("rows");
  if (rows == nullptr || !rows->is_array()) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "rows must be an array");
  }
  if (rows->as_array().size() > kMaxImportRows) throw AppError(ErrorKind::kInvalidArgument, "unit.too_many_rows");
  std::vector<ImportRow> parsed;
  int position = 0;
  for (const boost::json::value& row : rows->as_array()) {
    ImportRow import_row;
    import_row.row = ++position;
    if (row.is_object()) {
      import_row.fields = ReadNewUnit(row.as_object(), import_row.errors);
    } else {
      import_row.errors.push_back(FieldError{"", ErrorKind::kInvalidArgument, "unit.invalid_row"});
    }
    parsed.push_back(std::move(import_row));
  }
  return parsed;
}

}  // namespace liandong::unit
