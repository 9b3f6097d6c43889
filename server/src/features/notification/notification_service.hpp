// The in-app inbox. A notification goes to an org (assigned, returned, overdue, escalated,
// supervision, bulletin …) and every user of that org reads it on their own: read marks are per
// user. Notifications are written in the caller's transaction, with the change they announce.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "features/notification/notification_model.hpp"
#include "features/notification/notification_repository.hpp"

namespace liandong::notification {

class NotificationService {
 public:
  NotificationService(db::Database& database, const core::Clock& clock) : database_(database), clock_(clock) {}

  // In the caller's open write transaction.
  void Notify(soci::session& sql, const NewNotification& notification) const;
  // Many at once (a task reaching thousands of orgs), in the caller's open write transaction.
  void NotifyAll(db::Session& session, const std::vector<NewNotification>& notifications) const;
  // Starts loading notifications in bulk, each with its own time, in the caller's open
  // transaction, without checks: for generated data sets (demo --scale) only.
  std::unique_ptr<NotificationBulkLoad> StartBulkLoad(db::Session& session) const {
    return std::make_unique<NotificationBulkLoad>(session);
  }

  // The actor's inbox, newest first: the notifications of the actor's org.
  Inbox List(const core::Actor& actor, bool unread_only, std::int64_t offset, std::int64_t limit) const;
  std::int64_t UnreadCount(const core::Actor& actor) const;
  // notification.not_found for another org's notification.
  void MarkRead(const core::Actor& actor, std::int64_t notification_id) const;
  void MarkAllRead(const core::Actor& actor) const;

 private:
  db::Database& database_;
  const core::Clock& clock_;
  NotificationRepository repository_;
};

}  // namespace liandong::notification
