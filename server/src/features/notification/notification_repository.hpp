// SQL of the inbox: notifications of an org and each user's read marks.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "db/bulk_insert.hpp"
#include "db/database.hpp"
#include "features/notification/notification_model.hpp"

namespace liandong::notification {

// Notifications loaded in bulk, each with its own time (demo --scale), in the caller's open
// transaction. Nothing is checked.
class NotificationBulkLoad {
 public:
  explicit NotificationBulkLoad(db::Session& session);
  void Add(const NewNotification& notification, std::int64_t created_at);
  // Sends what is buffered and moves PostgreSQL's id sequence past the loaded ids; call before
  // committing.
  void Finish();

 private:
  db::Session& session_;
  db::BulkInserter notifications_;
};

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
