#include "features/member/member_routes.hpp"

#include <boost/json/array.hpp>

#include "core/error.hpp"
#include "features/member/member_json.hpp"
#include "http/errors.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::member {
namespace {

using core::AppError;
using core::ErrorKind;

MemberFilter ParseFilter(const http::Request& request) {
  MemberFilter filter;
  if (auto org = request.Query("org"); org && !org->empty()) filter.org_id = http::ParseId(*org, "org");
  filter.query = request.Query("q").value_or("");
  filter.id_number = request.Query("id_number").value_or("");
  filter.status = request.Query("status").value_or("");
  filter.in_service = http::ParseBool(request.Query("in_service"), "in_service");
  const core::PageRequest page = http::ParsePage(request, 20);
  filter.page = static_cast<int>(page.page);
  filter.page_size = static_cast<int>(page.page_size);
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
    const ImportRows rows = ParseImportRows(request.Json());
    return http::Ok(WithMessages(ToJson(member_service.ImportMembers(request.Actor(), rows.inputs, rows.errors)),
                                 request.language()));
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
    const auto page = member_service.ListTransfers(request.Actor(), ParseDirection(request),
                                                   request.Query("status").value_or(""), http::ParsePage(request, 50));
    return http::Ok(http::PageJson(page, [](const Transfer& transfer) { return ToJson(transfer); }));
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
