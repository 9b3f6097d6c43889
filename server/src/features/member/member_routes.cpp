#include "features/member/member_routes.hpp"

#include <boost/json/array.hpp>

#include "core/error.hpp"
#include "features/member/member_json.hpp"
#include "http/errors.hpp"
#include "http/json_input.hpp"

namespace liandong::member {
namespace {

using core::AppError;
using core::ErrorKind;

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

MemberFilter ParseFilter(const http::Request& request) {
  MemberFilter filter;
  if (auto org = request.Query("org"); org && !org->empty()) filter.org_id = http::ParseId(*org, "org");
  filter.query = request.Query("q").value_or("");
  filter.id_number = request.Query("id_number").value_or("");
  filter.status = request.Query("status").value_or("");
  filter.in_service = http::ParseBool(request.Query("in_service"), "in_service");
  filter.page = static_cast<int>(http::ParseInteger(request.Query("page"), "page", 1, 1000000, 1));
  filter.page_size = static_cast<int>(http::ParseInteger(request.Query("page_size"), "page_size", 1, 200, 20));
  return filter;
}

TransferDirection ParseDirection(const http::Request& request) {
  const std::string direction = request.Query("direction").value_or("incoming");
  if (direction == "incoming") return TransferDirection::kIncoming;
  if (direction == "outgoing") return TransferDirection::kOutgoing;
  throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "direction");
}

// Every import error carries its message in the request's language.
boost::json::value WithMessages(boost::json::value result, http::Language language) {
  for (auto& error : result.as_object()["errors"].as_array()) {
    auto& object = error.as_object();
    object["message"] = http::ErrorMessage(object["code"].as_string(), ErrorKind::kInvalidArgument, language);
  }
  return result;
}

}  // namespace

void RegisterMemberRoutes(http::Router& router, const MemberService& member_service) {
  using http::Access;
  using http::Verb;
  router.Add(Verb::get, "/api/v1/members", "member:read", [&](http::Request& request) {
    return http::Ok(ToJson(member_service.ListMembers(request.Actor(), ParseFilter(request))));
  });
  router.Add(Verb::post, "/api/v1/members", "member:write", [&](http::Request& request) {
    return http::Created(ToJson(member_service.CreateMember(request.Actor(), ParseMemberInput(request.Json()))));
  });
  router.Add(Verb::post, "/api/v1/members/import", "member:write", [&](http::Request& request) {
    const auto* rows = request.Json().if_contains("rows");
    if (rows == nullptr || !rows->is_array()) {
      throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "rows must be an array");
    }
    std::vector<MemberInput> inputs(rows->as_array().size());
    std::vector<ImportError> parse_errors;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      try {
        const auto& row = rows->as_array()[i];
        if (!row.is_object()) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "row");
        inputs[i] = ParseMemberInput(row.as_object());
      } catch (const AppError& error) {
        const std::string field = error.detail().substr(0, error.detail().find(' '));
        parse_errors.push_back(ImportError{static_cast<int>(i + 1), field, error.code()});
      }
    }
    return http::Ok(
        WithMessages(ToJson(member_service.ImportMembers(request.Actor(), inputs, parse_errors)), request.language()));
  });
  router.Add(Verb::get, "/api/v1/members/export", "member:read", [&](http::Request& request) {
    http::Response response;
    response.body = member_service.ExportMembers(request.Actor(), ParseFilter(request));
    response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    response.AddHeader("Content-Disposition", "attachment; filename=\"members.xlsx\"");
    return response;
  });
  router.Add(Verb::get, "/api/v1/members/{id}", "member:read", [&](http::Request& request) {
    return http::Ok(ToJson(member_service.GetMember(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::patch, "/api/v1/members/{id}", "member:write", [&](http::Request& request) {
    return http::Ok(
        ToJson(member_service.UpdateMember(request.Actor(), request.PathId("id"), ParseMemberChanges(request.Json()))));
  });
  router.Add(Verb::get, "/api/v1/members/{id}/identifiers", "member:read", [&](http::Request& request) {
    return http::Ok(ToJson(member_service.GetIdentifiers(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::get, "/api/v1/members/{id}/transfers", "member:read", [&](http::Request& request) {
    return http::Ok(ToJson(member_service.ListTransfersOfMember(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::post, "/api/v1/members/{id}/transfers", "member:write", [&](http::Request& request) {
    const auto& body = request.Json();
    return http::Created(ToJson(
        member_service.RequestTransfer(request.Actor(), request.PathId("id"), http::RequiredId(body, "to_org_id"),
                                       http::OptionalString(body, "reason", 1000).value_or(""))));
  });
  router.Add(Verb::get, "/api/v1/transfers", "member:read", [&](http::Request& request) {
    return http::Ok(ToJson(
        member_service.ListTransfers(request.Actor(), ParseDirection(request), request.Query("status").value_or(""))));
  });
  router.Add(Verb::post, "/api/v1/transfers/{id}/accept", "member:write", [&](http::Request& request) {
    return http::Ok(ToJson(member_service.AcceptTransfer(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::post, "/api/v1/transfers/{id}/refuse", "member:write", [&](http::Request& request) {
    const std::string reason = http::OptionalString(request.Json(), "reason", 1000).value_or("");
    return http::Ok(ToJson(member_service.RefuseTransfer(request.Actor(), request.PathId("id"), reason)));
  });
}

}  // namespace liandong::member
