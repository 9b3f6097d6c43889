// /api/v1/notifications: the signed-in user's inbox.
#pragma once

#include "features/notification/notification_service.hpp"
#include "http/router.hpp"

namespace liandong::notification {

void RegisterNotificationRoutes(http::Router& router, const NotificationService& notification_service);

}  // namespace liandong::notification
