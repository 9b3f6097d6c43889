#include "features/notification/notification_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::notification {
namespace {

boost::json::object ToJson(const Notification& notification) {
  return {{"id", notification.id},
          {"kind", notification.kind},
          {"title", notification.title},
          {"body", notification.body},
          {"link", notification.link},
          {"created_at", core::FormatUtc(notification.created_at)},
          {"read", notification.read}};
}

}  // namespace

void RegisterNotificationRoutes(http::Router& router, const NotificationService& notification_service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/notifications", "notification:read", [&](http::Request& request) {
    const bool unread_only = http::ParseBool(request.Query("unread"), "unread").value_or(false);
    const core::PageRequest page = http::ParsePage(request, 50);
    const Inbox inbox = notification_service.List(request.Actor(), unread_only, page.Offset(), page.Limit());
    boost::json::array items;
    for (const Notification& notification : inbox.items) items.push_back(ToJson(notification));
    boost::json::object body = http::PageJson(std::move(items), inbox.total, page);
    body["unread"] = inbox.unread;
    return http::Ok(body);
  });
  router.Add(Verb::get, "/api/v1/notifications/unread-count", "notification:read", [&](http::Request& request) {
    return http::Ok(boost::json::object{{"unread", notification_service.UnreadCount(request.Actor())}});
  });
  router.Add(Verb::post, "/api/v1/notifications/{id}/read", "notification:read", [&](http::Request& request) {
    notification_service.MarkRead(request.Actor(), request.PathId("id"));
    return http::NoContent();
  });
  router.Add(Verb::post, "/api/v1/notifications/read-all", "notification:read", [&](http::Request& request) {
    notification_service.MarkAllRead(request.Actor());
    return http::NoContent();
  });
}

}  // namespace liandong::notification
