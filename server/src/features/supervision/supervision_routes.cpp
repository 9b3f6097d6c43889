#include "features/supervision/supervision_routes.hpp"

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "features/attachment/attachment_routes.hpp"
#include "features/supervision/supervision_json.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::supervision {
namespace {

// ?view=issued|received|all&state=…&org=&as_of=&offset=&limit=
SupervisionFilter ParseSupervisionFilter(const http::Request& request) {
  SupervisionFilter filter;
  const std::string view = request.Query("view").value_or("all");
  if (view == "issued") {
    filter.view = View::kIssued;
  } else if (view == "received") {
    filter.view = View::kReceived;
  } else if (view != "all" && !view.empty()) {
    throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "view");
  }
  if (const auto state = request.Query("state"); state && !state->empty()) {
    if (*state != "open" && *state != "answered" && *state != "closed" && *state != "unclosed" && *state != "overdue") {
      throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument", "state");
    }
    filter.state = *state;
  }
  if (const auto org = request.Query("org"); org && !org->empty()) filter.org_id = http::ParseId(*org, "org");
  if (const auto as_of = request.Query("as_of"); as_of && !as_of->empty()) filter.as_of = core::ParseAsOf(*as_of);
  const core::PageRequest page = http::ParsePage(request, 50);
  filter.offset = page.Offset();
  filter.limit = page.Limit();
  return filter;
}

}  // namespace

void RegisterSupervisionRoutes(http::Router& router, const SupervisionService& supervision_service) {
  using http::Verb;
  router.Add(Verb::post, "/api/v1/supervisions", "supervision:write", [&](http::Request& request) {
    const NewSupervision input = ParseNewSupervision(request.Json());
    return http::Created(ToJson(supervision_service.Create(request.Actor(), input)));
  });
  router.Add(Verb::get, "/api/v1/supervisions", "task:read", [&](http::Request& request) {
    const SupervisionFilter filter = ParseSupervisionFilter(request);
    boost::json::object body = ToJson(supervision_service.List(request.Actor(), filter));
    body["page"] = filter.offset / filter.limit + 1;
    body["page_size"] = filter.limit;
    return http::Ok(body);
  });
  router.Add(Verb::get, "/api/v1/supervisions/{id}", "task:read", [&](http::Request& request) {
    return http::Ok(ToJson(supervision_service.Get(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::post, "/api/v1/supervisions/{id}/attachments", "task:report", [&](http::Request& request) {
    // The scope first, so that a supervision out of reach answers the same whatever the upload.
    supervision_service.CheckCanAttach(request.Actor(), request.PathId("id"));
    const attachment::UploadedFile upload = attachment::ReadUpload(request);
    return http::Created(attachment::ToJson(
        supervision_service.Attach(request.Actor(), request.PathId("id"), upload.file_name, upload.content)));
  });
  router.Add(Verb::post, "/api/v1/supervisions/{id}/rectifications", "task:report", [&](http::Request& request) {
    const Rectification rectification = ParseRectification(request.Json());
    return http::Ok(ToJson(supervision_service.Rectify(request.Actor(), request.PathId("id"), rectification)));
  });
  router.Add(Verb::post, "/api/v1/supervisions/{id}/verify", "supervision:write", [&](http::Request& request) {
    const std::string text = request.body().empty() ? std::string() : ParseOptionalText(request.Json());
    return http::Ok(ToJson(supervision_service.Verify(request.Actor(), request.PathId("id"), text)));
  });
  router.Add(Verb::post, "/api/v1/supervisions/{id}/return", "supervision:write", [&](http::Request& request) {
    const std::string reason = ParseReason(request.Json());
    return http::Ok(ToJson(supervision_service.Return(request.Actor(), request.PathId("id"), reason)));
  });
  router.Add(Verb::post, "/api/v1/supervisions/{id}/follow-ups", "supervision:write", [&](http::Request& request) {
    const std::string text = ParseText(request.Json());
    return http::Created(ToJson(supervision_service.FollowUp(request.Actor(), request.PathId("id"), text)));
  });
}

}  // namespace liandong::supervision
