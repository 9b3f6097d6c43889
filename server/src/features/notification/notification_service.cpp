#include "features/notification/notification_service.hpp"

#include "core/error.hpp"

namespace liandong::notification {

using core::AppError;
using core::ErrorKind;

void NotificationService::Notify(soci::session& sql, const NewNotification& notification) const {
  repository_.Insert(sql, notification, clock_.NowSeconds());
}

void NotificationService::NotifyAll(db::Session& session, const std::vector<NewNotification>& notifications) const {
  if (!notifications.empty()) repository_.InsertAll(session, notifications, clock_.NowSeconds());
}

Inbox NotificationService::List(const core::Actor& actor, bool unread_only, std::int64_t offset,
                                std::int64_t limit) const {
  core::RequirePermission(actor, "notification:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  Inbox inbox;
  inbox.unread = repository_.CountUnread(sql, actor.org_id, actor.user_id);
  inbox.total = unread_only ? inbox.unread : repository_.Count(sql, actor.org_id);
  inbox.items = repository_.List(sql, actor.org_id, actor.user_id, unread_only, offset, limit);
  return inbox;
}

std::int64_t NotificationService::UnreadCount(const core::Actor& actor) const {
  core::RequirePermission(actor, "notification:read");
  db::Session session(database_);
  return repository_.CountUnread(session.sql(), actor.org_id, actor.user_id);
}

void NotificationService::MarkRead(const core::Actor& actor, std::int64_t notification_id) const {
  core::RequirePermission(actor, "notification:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  if (repository_.OrgOf(sql, notification_id) != actor.org_id) {
    throw AppError(ErrorKind::kNotFound, "notification.not_found");
  }
  repository_.MarkRead(sql, notification_id, actor.user_id, clock_.NowSeconds());
  transaction.Commit();
}

void NotificationService::MarkAllRead(const core::Actor& actor) const {
  core::RequirePermission(actor, "notification:read");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  repository_.MarkAllRead(session.sql(), actor.org_id, actor.user_id, clock_.NowSeconds());
  transaction.Commit();
}

}  // namespace liandong::notification
