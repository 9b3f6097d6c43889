#include "features/notification/notification_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "http/json_input.hpp"

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
    const std::int64_t offset = http::ParseInteger(request.Query("offset"), "offset", 0, 1'000'000'000, 0);
    const std::int64_t limit = http::ParseInteger(request.Query("limit"), "limit", 1, 200, 50);
    const Inbox inbox = notification_service.List(request.Actor(), unread_only, offset, limit);
    boost::json::array items;
    for (const Notification& notification : inbox.items) items.push_back(ToJson(notification));
    return http::Ok(boost::json::object{{"items", std::move(items)}, {"total", inbox.total}, {"unread", inbox.unread}});
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
