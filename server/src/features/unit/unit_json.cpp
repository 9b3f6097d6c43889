#include "features/unit/unit_json.hpp"

#include <boost/json/array.hpp>
#include <cmath>

#include "core/error.hpp"
#include "http/errors.hpp"
#include "http/json_input.hpp"

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

// Reads the unit fields present in `object`, noting the errors of those that cannot be read (an
// import reports every bad field of a row); the service checks values and lengths.
class FieldReader {
 public:
  FieldReader(const boost::json::object& object, std::vector<FieldError>& errors)
      : reader_(object,
                {{"name", "unit.invalid_name"},
                 {"credit_code", "unit.invalid_credit_code"},
                 {"unit_kind", "unit.invalid_kind"},
                 {"staff_count", "unit.invalid_staff_count"},
                 {"org_id", "unit.invalid_org"},
                 {"own_org_id", "unit.invalid_own_org"},
                 {"joint_branch_org_id", "unit.invalid_joint_branch"},
                 {"industry", "unit.invalid_field"},
                 {"legal_representative", "unit.invalid_field"},
                 {"instructor", "unit.invalid_field"},
                 {"eligible_for_org", "unit.invalid_field"},
                 {"key_enterprise", "unit.invalid_field"}},
                failures_),
        errors_(errors) {}

  ~FieldReader() {
    for (const http::FieldFailure& failure : failures_) {
      errors_.push_back(FieldError{failure.field, ErrorKind::kInvalidArgument, failure.code});
    }
  }

  const http::BodyReader* operator->() const { return &reader_; }

  // A text field; null reads as "".
  std::optional<std::string> Text(std::string_view field) const {
    const auto text = reader_.NullableText(field, kMaxCharacters);
    if (!text) return std::nullopt;
    return text->value_or("");
  }

 private:
  static constexpr std::size_t kMaxCharacters = 20000;
  std::vector<http::FieldFailure> failures_;
  http::BodyReader reader_;
  std::vector<FieldError>& errors_;
};

UnitPatch ReadPatch(const boost::json::object& object, std::vector<FieldError>& errors) {
  UnitPatch patch;
  FieldReader reader(object, errors);
  patch.name = reader.Text("name");
  patch.credit_code = reader.Text("credit_code");
  patch.unit_kind = reader.Text("unit_kind");
  patch.industry = reader.Text("industry");
  patch.staff_count = reader->Integer("staff_count", INT64_MIN, INT64_MAX);
  patch.legal_representative = reader.Text("legal_representative");
  patch.org_id = reader->Id("org_id");
  patch.eligible_for_org = reader->Bool("eligible_for_org");
  patch.own_org_id = reader->NullableId("own_org_id");
  patch.joint_branch_org_id = reader->NullableId("joint_branch_org_id");
  patch.instructor = reader.Text("instructor");
  patch.key_enterprise = reader->Bool("key_enterprise");
  return patch;
}

UnitFields ReadNewUnit(const boost::json::object& object, std::vector<FieldError>& errors) {
  const UnitPatch patch = ReadPatch(object, errors);
  FieldReader reader(object, errors);
  const auto require = [&](std::string_view field, bool present) {
    const bool already_reported =
        std::any_of(errors.begin(), errors.end(), [field](const FieldError& error) { return error.field == field; });
    if (!present && !already_reported) reader->Fail(field);
  };
  require("name", patch.name.has_value());
  require("credit_code", patch.credit_code.has_value());
  require("unit_kind", patch.unit_kind.has_value());
  require("org_id", patch.org_id.has_value());
  return ApplyPatch(UnitFields{}, patch);
}

[[noreturn]] void Throw(const FieldError& error) {
  throw AppError(error.kind, error.code, error.field).WithField(error.field);
}

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
