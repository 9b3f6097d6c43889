// SQL of the inbox: notifications of an org and each user's read marks.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "db/database.hpp"
#include "features/notification/notification_model.hpp"

namespace liandong::notification {

class NotificationRepository {
 public:
  void Insert(soci::session& sql, const NewNotification& notification, std::int64_t now) const;
  // Many rows at once, in the caller's open transaction.
  void InsertAll(db::Session& session, const std::vector<NewNotification>& notifications, std::int64_t now) const;
  // The org's notifications, newest first, each marked read or not for the user.
  std::vector<Notification> List(soci::session& sql, std::int64_t org_id, std::int64_t user_id, bool unread_only,
                                 std::int64_t offset, std::int64_t limit) const;
  std::int64_t Count(soci::session& sql, std::int64_t org_id) const;
  std::int64_t CountUnread(soci::session& sql, std::int64_t org_id, std::int64_t user_id) const;
  std::optional<std::int64_t> OrgOf(soci::session& sql, std::int64_t notification_id) const;
  void MarkRead(soci::session& sql, std::int64_t notification_id, std::int64_t user_id, std::int64_t now) const;
  void MarkAllRead(soci::session& sql, std::int64_t org_id, std::int64_t user_id, std::int64_t now) const;
};

}  // namespace liandong::notification
