#include "features/member/member_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/json_input.hpp"

namespace liandong::member {
namespace {

using core::AppError;
using core::ErrorKind;

boost::json::value ReferenceJson(const std::optional<Reference>& reference) {
  if (!reference) return nullptr;
  return boost::json::object{{"id", reference->id}, {"name", reference->name}};
}

boost::json::value Optional(const std::optional<std::string>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace

boost::json::value ToJson(const Member& member) {
  return boost::json::object{
      {"id", member.id},
      {"name", member.name},
      {"gender", member.gender},
      // The masked ID number hides exactly the birth date: the year is all that may show.
      {"birth_year", BirthYear(member)},
      {"id_number", member.id_number_masked},
      {"phone", member.phone_masked},
      {"education", member.education},
      {"joined_on", Optional(member.joined_on)},
      {"full_member_on", Optional(member.full_member_on)},
      {"status", member.status},
      {"standing", member.standing},
      {"in_service", member.in_service},
      {"employer_unit", ReferenceJson(member.employer_unit)},
      {"home_community", ReferenceJson(member.home_community)},
      {"org", ReferenceJson(member.org)},
      {"archived", member.archived},
  };
}

boost::json::value ToJson(const MemberPage& page) {
  boost::json::array items;
  for (const Member& member : page.items) items.push_back(ToJson(member));
  return boost::json::object{
      {"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"page_size", page.page_size}};
}

boost::json::value ToJson(const Identifiers& identifiers) {
  return boost::json::object{{"id_number", identifiers.id_number}, {"phone", identifiers.phone}};
}

boost::json::value ToJson(const ImportResult& result) {
  boost::json::array errors;
  for (const ImportError& error : result.errors) {
    errors.push_back(boost::json::object{{"row", error.row}, {"field", error.field}, {"code", error.code}});
  }
  return boost::json::object{{"created", result.created},
                             {"updated", result.updated},
                             {"unchanged", result.unchanged},
                             {"errors", std::move(errors)}};
}

boost::json::value ToJson(const Transfer& transfer) {
  return boost::json::object{
      {"id", transfer.id},
      {"member", ReferenceJson(transfer.member)},
      {"from_org", ReferenceJson(transfer.from_org)},
      {"to_org", ReferenceJson(transfer.to_org)},
      {"status", transfer.status},
      {"reason", transfer.reason},
      {"decision_reason", transfer.decision_reason},
      {"requested_at", core::FormatUtc(transfer.requested_at)},
      {"decided_at",
       transfer.decided_at ? boost::json::value(core::FormatUtc(*transfer.decided_at)) : boost::json::value(nullptr)},
  };
}

boost::json::value ToJson(const std::vector<Transfer>& transfers) {
  boost::json::array items;
  for (const Transfer& transfer : transfers) items.push_back(ToJson(transfer));
  return boost::json::object{{"items", std::move(items)}};
}

MemberInput ParseMemberInput(const boost::json::object& body) {
  MemberInput input;
  input.org_id = http::RequiredId(body, "org_id");
  input.name = http::OptionalString(body, "name", 300).value_or("");
  input.gender = http::OptionalString(body, "gender", 16).value_or("");
  input.id_number = http::OptionalString(body, "id_number", 32).value_or("");
  input.phone = http::OptionalString(body, "phone", 32).value_or("");
  input.education = http::OptionalString(body, "education", 100).value_or("");
  input.joined_on = http::OptionalNullableString(body, "joined_on", 10).value_or(std::nullopt);
  input.full_member_on = http::OptionalNullableString(body, "full_member_on", 10).value_or(std::nullopt);
  input.status = http::OptionalString(body, "status", 16).value_or("full");
  input.standing = http::OptionalString(body, "standing", 16).value_or("normal");
  input.in_service = http::OptionalBool(body, "in_service").value_or(false);
  input.employer_unit_id = http::OptionalNullableId(body, "employer_unit_id").value_or(std::nullopt);
  input.home_community_id = http::OptionalNullableId(body, "home_community_id").value_or(std::nullopt);
  return input;
}

MemberChanges ParseMemberChanges(const boost::json::object& body) {
  MemberChanges changes;
  changes.name = http::OptionalString(body, "name", 300);
  changes.gender = http::OptionalString(body, "gender", 16);
  changes.phone = http::OptionalString(body, "phone", 32);
  changes.education = http::OptionalString(body, "education", 100);
  changes.joined_on = http::OptionalNullableString(body, "joined_on", 10);
  changes.full_member_on = http::OptionalNullableString(body, "full_member_on", 10);
  changes.status = http::OptionalString(body, "status", 16);
  changes.standing = http::OptionalString(body, "standing", 16);
  changes.in_service = http::OptionalBool(body, "in_service");
  changes.employer_unit_id = http::OptionalNullableId(body, "employer_unit_id");
  changes.home_community_id = http::OptionalNullableId(body, "home_community_id");
  return changes;
}

ImportRows ParseImportRows(const boost::json::object& body) {
  const auto* rows = body.if_contains("rows");
  if (rows == nullptr || !rows->is_array()) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "rows must be an array");
  }
  ImportRows parsed;
  parsed.inputs.resize(rows->as_array().size());
  for (std::size_t i = 0; i < parsed.inputs.size(); ++i) {
    try {
      const auto& row = rows->as_array()[i];
      if (!row.is_object()) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "row");
      parsed.inputs[i] = ParseMemberInput(row.as_object());
    } catch (const AppError& error) {
      const std::string field = error.detail().substr(0, error.detail().find(' '));
      parsed.errors.push_back(ImportError{static_cast<int>(i + 1), field, error.code()});
    }
  }
  return parsed;
}

}  // namespace liandong::member
