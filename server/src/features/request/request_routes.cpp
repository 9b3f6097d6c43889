#include "features/request/request_routes.hpp"

#include <boost/json/array.hpp>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "features/attachment/attachment_routes.hpp"
#include "features/request/request_json.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::request {
namespace {

// ?org=&queue=&state=&month=&measure=&category=&page=&page_size=
RequestFilter ParseFilter(const http::Request& request) {
  RequestFilter filter;
  auto text = [&](std::string_view name) -> std::optional<std::string> {
    auto value = request.Query(name);
    if (!value || value->empty()) return std::nullopt;
    return value;
  };
  if (const auto org = text("org")) filter.org_id = http::ParseId(*org, "org");
  filter.queue = text("queue");
  filter.state = text("state");
  if (filter.state && *filter.state != "dispatched" && *filter.state != "in_hand" && *filter.state != "replied" &&
      *filter.state != "closed") {
    throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "state");
  }
  filter.month = text("month");
  filter.measure = text("measure");
  filter.category_code = text("category");
  if (filter.category_code && (filter.category_code->size() > 20 ||
                               filter.category_code->find_first_not_of("0123456789.") != std::string::npos)) {
    throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "category");
  }
  const core::PageRequest page = http::ParsePage(request, 100);
  filter.offset = page.Offset();
  filter.limit = page.Limit();
  return filter;
}

std::string ReadText(const boost::json::object& body, std::string_view field, std::string_view code, bool required) {
  const http::BodyReader reader(body, {{field, code}});
  if (required) return reader.RequiredText(field, 2000);
  return reader.Text(field, 2000).value_or("");
}

// A note's or a reply's text and the uploads it links (attachment_ids, optional).
std::pair<std::string, std::vector<std::int64_t>> ReadTextWithEvidence(const boost::json::object& body) {
  const http::BodyReader reader(
      body, {{"text", "resident_request.invalid_text"}, {"attachment_ids", "attachment.not_found"}});
  std::string text = reader.RequiredText("text", 2000);
  return {std::move(text), reader.Ids("attachment_ids", 1000)};  // the service allows 20
}

}  // namespace

void RegisterRequestRoutes(http::Router& router, const RequestService& service, const core::Clock& clock) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/request-categories", "request:read", [&](http::Request& request) {
    boost::json::array items;
    for (const Category& category : service.ListCategories(request.Actor())) items.push_back(ToJson(category));
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::post, "/api/v1/request-categories", "request:catalogue", [&](http::Request& request) {
    return http::Created(ToJson(service.CreateCategory(request.Actor(), ParseNewCategory(request.Json()))));
  });
  router.Add(Verb::patch, "/api/v1/request-categories/{id}", "request:catalogue", [&](http::Request& request) {
    return http::Ok(
        ToJson(service.UpdateCategory(request.Actor(), request.PathId("id"), ParseCategoryChanges(request.Json()))));
  });
  router.Add(Verb::get, "/api/v1/request-sla-classes", "request:read", [&](http::Request& request) {
    boost::json::array items;
    for (const SlaClass& sla_class : service.ListSlaClasses(request.Actor())) items.push_back(ToJson(sla_class));
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::put, "/api/v1/request-sla-classes/{name}", "request:catalogue", [&](http::Request& request) {
    const std::string& code = request.PathText("name");
    return http::Ok(ToJson(service.UpdateSlaClass(request.Actor(), ParseSlaClass(request.Json(), code))));
  });
  router.Add(Verb::get, "/api/v1/agency-kinds", "request:read", [&](http::Request& request) {
    boost::json::array items;
    for (const AgencyKind& kind : service.ListAgencyKinds(request.Actor())) items.push_back(ToJson(kind));
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::get, "/api/v1/agencies", "request:read", [&](http::Request& request) {
    boost::json::array items;
    for (const Agency& agency : service.ListAgencies(request.Actor())) items.push_back(ToJson(agency));
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::post, "/api/v1/agencies", "org:write", [&](http::Request& request) {
    return http::Created(ToJson(service.CreateAgency(request.Actor(), ParseNewAgency(request.Json()))));
  });

  router.Add(Verb::post, "/api/v1/requests", "request:intake", [&](http::Request& request) {
    return http::Created(ToJson(service.Create(request.Actor(), ParseNewRequest(request.Json())), clock.NowSeconds()));
  });
  router.Add(Verb::get, "/api/v1/requests", "request:read", [&](http::Request& request) {
    const RequestFilter filter = ParseFilter(request);
    const RequestPage page = service.List(request.Actor(), filter);
    const std::int64_t now = clock.NowSeconds();
    boost::json::array items;
    for (const Request& item : page.items) items.push_back(ToJson(item, now));
    return http::Ok(http::PageJson(std::move(items), page.total, http::ParsePage(request, 100)));
  });
  router.Add(Verb::get, "/api/v1/requests/{id}", "request:read", [&](http::Request& request) {
    return http::Ok(ToJson(service.Get(request.Actor(), request.PathId("id")), clock.NowSeconds()));
  });
  router.Add(Verb::get, "/api/v1/requests/{id}/owners", "request:read", [&](http::Request& request) {
    boost::json::array items;
    for (const OrgRef& org : service.ListOwners(request.Actor(), request.PathId("id"))) items.push_back(ToJson(org));
    return http::Ok(boost::json::object{{"items", std::move(items)}});
  });
  router.Add(Verb::get, "/api/v1/requests/{id}/resident", "request:read", [&](http::Request& request) {
    const auto [name, phone] = service.GetResident(request.Actor(), request.PathId("id"));
    return http::Ok(boost::json::object{{"name", name}, {"phone", phone}});
  });
  router.Add(Verb::post, "/api/v1/requests/{id}/sign", "request:handle", [&](http::Request& request) {
    return http::Ok(ToJson(service.Sign(request.Actor(), request.PathId("id")), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/requests/{id}/dispatch", "request:handle", [&](http::Request& request) {
    const auto& body = request.Json();
    const std::int64_t target =
        http::BodyReader(body, {{"owner_org_id", "resident_request.invalid_owner"}}).RequiredId("owner_org_id");
    const std::string text = ReadText(body, "text", "resident_request.invalid_text", false);
    return http::Ok(ToJson(service.Dispatch(request.Actor(), request.PathId("id"), target, text), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/requests/{id}/return", "request:handle", [&](http::Request& request) {
    const auto& body = request.Json();
    const auto target =
        http::BodyReader(body, {{"owner_org_id", "resident_request.return_owner_required"}}).Id("owner_org_id");
    const std::string reason = ReadText(body, "reason", "resident_request.invalid_reason", false);
    return http::Ok(ToJson(service.Return(request.Actor(), request.PathId("id"), target, reason), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/requests/{id}/contact", "request:handle", [&](http::Request& request) {
    const std::string text = ReadText(request.Json(), "text", "resident_request.invalid_text", true);
    return http::Ok(ToJson(service.Contact(request.Actor(), request.PathId("id"), text), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/requests/{id}/notes", "request:handle", [&](http::Request& request) {
    const auto [text, attachment_ids] = ReadTextWithEvidence(request.Json());
    return http::Created(
        ToJson(service.AddNote(request.Actor(), request.PathId("id"), text, attachment_ids), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/requests/{id}/attachments", "request:handle", [&](http::Request& request) {
    // The request first, so that one out of reach answers the same whatever the upload.
    service.CheckCanAttach(request.Actor(), request.PathId("id"));
    const attachment::UploadedFile upload = attachment::ReadUpload(request);
    return http::Created(
        attachment::ToJson(service.Attach(request.Actor(), request.PathId("id"), upload.file_name, upload.content)));
  });
  router.Add(Verb::get, "/api/v1/requests/{id}/attachments/{attachment_id}", "request:read",
             [&](http::Request& request) {
               auto [file, content] =
                   service.DownloadEvidence(request.Actor(), request.PathId("id"), request.PathId("attachment_id"));
               return attachment::FileResponse(file, std::move(content));
             });
  router.Add(Verb::post, "/api/v1/requests/{id}/extensions", "request:handle", [&](http::Request& request) {
    const auto& body = request.Json();
    const auto days = http::BodyReader(body, {{"days", "resident_request.invalid_extension"}}).Integer("days", 1, 365);
    if (!days) throw core::AppError(core::ErrorKind::kInvalidArgument, "resident_request.invalid_extension", "days");
    const std::string reason = ReadText(body, "reason", "resident_request.invalid_reason", true);
    return http::Created(
        ToJson(service.AskExtension(request.Actor(), request.PathId("id"), *days, reason), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/requests/{id}/extensions/{extension_id}/decision", "request:handle",
             [&](http::Request& request) {
               const auto& body = request.Json();
               const auto approve = http::BodyReader(body).Bool("approve");
               if (!approve)
                 throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "approve");
               const std::string text = ReadText(body, "text", "resident_request.invalid_text", false);
               return http::Ok(ToJson(service.DecideExtension(request.Actor(), request.PathId("id"),
                                                              request.PathId("extension_id"), *approve, text),
                                      clock.NowSeconds()));
             });
  router.Add(Verb::post, "/api/v1/requests/{id}/reply", "request:handle", [&](http::Request& request) {
    const auto [text, attachment_ids] = ReadTextWithEvidence(request.Json());
    return http::Ok(
        ToJson(service.Reply(request.Actor(), request.PathId("id"), text, attachment_ids), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/requests/{id}/rating", "request:intake", [&](http::Request& request) {
    const auto& body = request.Json();
    const http::BodyReader reader(body, {{"satisfaction", "resident_request.invalid_satisfaction"},
                                         {"resolved", "resident_request.invalid_satisfaction"}});
    const std::string satisfaction = reader.RequiredText("satisfaction", 30);
    const auto resolved = reader.Bool("resolved");
    if (!resolved) reader.Fail("resolved");
    const std::string text = ReadText(body, "text", "resident_request.invalid_text", false);
    return http::Ok(
        ToJson(service.Rate(request.Actor(), request.PathId("id"), satisfaction, *resolved, text), clock.NowSeconds()));
  });
  router.Add(Verb::post, "/api/v1/requests/{id}/reopen", "request:intake", [&](http::Request& request) {
    const std::string reason = ReadText(request.Json(), "reason", "resident_request.invalid_reason", true);
    return http::Ok(ToJson(service.Reopen(request.Actor(), request.PathId("id"), reason), clock.NowSeconds()));
  });
  router.Add(Verb::get, "/api/v1/request-rates", "request:read", [&](http::Request& request) {
    std::optional<std::int64_t> org;
    if (const auto text = request.Query("org"); text && !text->empty()) org = http::ParseId(*text, "org");
    // The current month by default.
    std::string month = core::ChinaDate(clock.NowSeconds()).substr(0, 7);
    if (const auto text = request.Query("month"); text && !text->empty()) month = *text;
    return http::Ok(ToJson(service.GetRates(request.Actor(), org, month)));
  });
}

}  // namespace liandong::request
