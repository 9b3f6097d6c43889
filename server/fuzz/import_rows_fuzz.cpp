// The .xlsx import as the server sees it: the browser reads the sheet and posts {"rows":[…]}; each
// row is read (member::ParseImportRows, unit::ParseImportRows) and then validated without the
// database (ValidateMemberInput, CheckUnitValues). A bad row must be reported against its own
// position with a code the web app can show, never abort the import or let a bad value through.
#include "features/member/member_json.hpp"
#include "features/unit/unit_json.hpp"
#include "features/unit/unit_validation.hpp"
#include "fuzz_support.hpp"

namespace liandong::fuzz {
namespace {

// The report points the user at a column: every error names a field of the row, or the row.
bool IsMemberField(std::string_view field) {
  for (std::string_view known :
       {"org_id", "name", "gender", "id_number", "phone", "education", "joined_on", "full_member_on", "status",
        "standing", "in_service", "employer_unit_id", "home_community_id", "row"}) {
    if (field == known) return true;
  }
  return false;
}

void ImportMembers(const boost::json::object& body) {
  member::ImportRows rows;
  if (!ParsesOrRefuses([&] { rows = member::ParseImportRows(body); })) return;
  const std::size_t count = body.at("rows").as_array().size();
  Require(rows.inputs.size() == count, "member rows were lost or invented");
  int last_row = 0;
  std::vector<bool> unreadable(count, false);
  for (const member::ImportError& error : rows.errors) {
    Require(error.row > last_row && error.row <= static_cast<int>(count), "a member row error is out of place");
    Require(HasOwnMessage(error.code, core::ErrorKind::kInvalidArgument), "a member row error has no message");
    Require(IsMemberField(error.field), "a member row error names no field of the sheet");
    unreadable[error.row - 1] = true;
    last_row = error.row;
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (unreadable[i]) continue;
    const member::MemberInput& input = rows.inputs[i];
    ParsesOrRefuses([&] { RequireValidMember(input, member::ValidateMemberInput(input)); });
  }
}

void ImportUnits(const boost::json::object& body) {
  std::vector<unit::ImportRow> rows;
  if (!ParsesOrRefuses([&] { rows = unit::ParseImportRows(body); })) return;
  Require(rows.size() == body.at("rows").as_array().size(), "unit rows were lost or invented");
  unit::ImportResult result;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    unit::ImportRow& row = rows[i];
    Require(row.row == static_cast<int>(i + 1), "a unit row has the wrong position");
    std::vector<unit::FieldError> errors = row.errors;
    if (errors.empty()) {
      errors = unit::CheckUnitValues(row.fields);
      if (errors.empty()) RequireValidUnit(row.fields);
    }
    for (const unit::FieldError& error : errors) {
      Require(HasOwnMessage(error.code, error.kind), "a unit row error has no message");
      Require(!error.field.empty() || error.code == "unit.invalid_row", "a unit row error names no field");
      result.errors.push_back(unit::ImportError{row.row, error});
    }
  }
  // The report the browser gets.
  const boost::json::value report = unit::ToJson(result, http::Language::kChinese);
  Require(report.at("errors").as_array().size() == result.errors.size(), "the import report lost errors");
}

}  // namespace
}  // namespace liandong::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace liandong;
  const http::Request request =
      fuzz::MakeRequest(boost::beast::http::verb::post, "/api/v1/units/import", fuzz::Text(data, size));
  const boost::json::object* body = nullptr;
  if (!fuzz::ParsesOrRefuses([&] { body = &request.Json(); })) return 0;
  fuzz::ImportMembers(*body);
  fuzz::ImportUnits(*body);
  return 0;
}
