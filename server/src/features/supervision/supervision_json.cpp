#include "features/supervision/supervision_json.hpp"

#include <algorithm>
#include <boost/json/array.hpp>

#include "core/china_date.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "features/attachment/attachment_routes.hpp"
#include "http/json_input.hpp"

namespace liandong::supervision {
namespace {


// The body's fields with their error codes; the service checks lengths with the same codes.
http::BodyReader Reader(const boost::json::object& body) {
  return http::BodyReader(body, {{"target_org_id", "supervision.target_not_below"},
                                 {"assignment_id", "supervision.invalid_assignment"},
                                 {"duty_item_id", "supervision.invalid_duty_item"},
                                 {"title", "supervision.invalid_title"},
                                 {"requirement", "supervision.invalid_requirement"},
                                 {"deadline", "supervision.invalid_deadline"},
                                 {"text", "supervision.invalid_text"},
                                 {"reason", "supervision.invalid_reason"},
                                 {"attachment_ids", "attachment.not_found"}});
}

// Longer than any text the service accepts: past this the reader refuses before the service.
constexpr std::size_t kMaxCharacters = 20000;
constexpr std::size_t kMaxAttachments = 50;

boost::json::value OrgJson(const OrgRef& org) {
  return boost::json::object{{"id", org.id}, {"name", org.name}, {"level", org.level}};
}

}  // namespace

boost::json::object ToJson(const Supervision& supervision) {
  boost::json::value assignment = nullptr;
  if (supervision.assignment) {
    assignment =
        boost::json::object{{"id", supervision.assignment->id}, {"task_title", supervision.assignment->task_title}};
  }
  boost::json::value duty_item = nullptr;
  if (supervision.duty_item) {
    duty_item =
        boost::json::object{{"id", supervision.duty_item->id}, {"description", supervision.duty_item->description}};
  }
  return {
      {"id", supervision.id},
      {"issuer", OrgJson(supervision.issuer)},
      {"target", OrgJson(supervision.target)},
      {"assignment", std::move(assignment)},
      {"duty_item", std::move(duty_item)},
      {"title", supervision.title},
      {"requirement", supervision.requirement},
      {"deadline", supervision.deadline},
      {"state", supervision.state},
      {"overdue", supervision.overdue},
      {"created_at", core::FormatUtc(supervision.created_at)},
      {"closed_at",
       supervision.closed_at ? boost::json::value(core::FormatUtc(*supervision.closed_at)) : boost::json::value()},
  };
}

boost::json::object ToJson(const Event& event) {
  boost::json::array attachments;
  for (const attachment::Attachment& file : event.attachments) attachments.push_back(attachment::ToJson(file));
  boost::json::value user = nullptr;
  if (event.user) user = boost::json::object{{"id", event.user->id}, {"display_name", event.user->display_name}};
  return {
      {"id", event.id},
      {"kind", event.kind},
      {"org", OrgJson(event.org)},
      {"user", std::move(user)},
      {"text", event.text},
      {"at", core::FormatUtc(event.at)},
      {"attachments", std::move(attachments)},
  };
}

boost::json::object ToJson(const SupervisionDetail& detail) {
  boost::json::object body = ToJson(detail.supervision);
  boost::json::array events;
  for (const Event& event : detail.events) events.push_back(ToJson(event));
  body["events"] = std::move(events);
  body["can_rectify"] = detail.can_rectify;
  body["can_verify"] = detail.can_verify;
  return body;
}

boost::json::object ToJson(const SupervisionPage& page) {
  boost::json::array items;
  for (const Supervision& supervision : page.items) items.push_back(ToJson(supervision));
  return {{"items", std::move(items)}, {"total", page.total}};
}

NewSupervision ParseNewSupervision(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  NewSupervision input;
  input.target_org_id = reader.RequiredId("target_org_id");
  input.assignment_id = reader.Id("assignment_id");
  input.duty_item_id = reader.Id("duty_item_id");
  input.title = reader.RequiredText("title", kMaxCharacters);
  input.requirement = reader.RequiredText("requirement", kMaxCharacters);
  input.deadline = reader.RequiredText("deadline", kMaxCharacters);
  return input;
}

Rectification ParseRectification(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  Rectification rectification;
  rectification.text = reader.RequiredText("text", kMaxCharacters);
  rectification.attachment_ids = reader.Ids("attachment_ids", kMaxAttachments);
  return rectification;
}

std::string ParseOptionalText(const boost::json::object& body) {
  return Reader(body).Text("text", kMaxCharacters).value_or("");
}

std::string ParseText(const boost::json::object& body) { return Reader(body).RequiredText("text", kMaxCharacters); }

std::string ParseReason(const boost::json::object& body) {
  return Reader(body).RequiredText("reason", kMaxCharacters);
}

}  // namespace liandong::supervision
