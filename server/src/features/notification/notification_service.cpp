#include "features/notification/notification_service.hpp"

#include <string_view>

#include "core/error.hpp"
#include "db/bulk_insert.hpp"

namespace liandong::notification {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::string_view kInsert = R"sql(
  INSERT INTO notification (org_id, kind, title, body, link, created_at)
  VALUES (:org_id, :kind, :title, :body, :link, :created_at)
)sql";

constexpr std::string_view kUnreadOnly = R"sql(
  AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = :user_id)
)sql";

constexpr std::string_view kSelectPage = R"sql(
  SELECT n.id, n.kind, n.title, n.body, n.link, n.created_at,
         CASE WHEN EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = :reader)
              THEN 1 ELSE 0 END
  FROM notification n
  WHERE n.org_id = :org_id
)sql";

constexpr std::string_view kCount = "SELECT COUNT(*) FROM notification n WHERE n.org_id = :org_id";

constexpr std::string_view kFindOrg = "SELECT org_id FROM notification WHERE id = :id";

constexpr std::string_view kMarkRead = R"sql(
  INSERT INTO notification_read (notification_id, user_id, read_at) VALUES (:id, :user_id, :now)
  ON CONFLICT (notification_id, user_id) DO NOTHING
)sql";

constexpr std::string_view kMarkAllRead = R"sql(
  INSERT INTO notification_read (notification_id, user_id, read_at)
  SELECT n.id, :user_id, :now FROM notification n
  WHERE n.org_id = :org_id
    AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = :reader)
)sql";

std::int64_t CountUnread(soci::session& sql, const core::Actor& actor) {
  long long count = 0;
  sql << std::string(kCount) + std::string(kUnreadOnly), soci::use(static_cast<long long>(actor.org_id), "org_id"),
      soci::use(static_cast<long long>(actor.user_id), "user_id"), soci::into(count);
  return count;
}

}  // namespace

void NotificationService::Notify(soci::session& sql, const NewNotification& notification) const {
  const long long org_id = notification.org_id;
  const long long now = clock_.NowSeconds();
  sql << kInsert, soci::use(org_id, "org_id"), soci::use(notification.kind, "kind"),
      soci::use(notification.title, "title"), soci::use(notification.body, "body"),
      soci::use(notification.link, "link"), soci::use(now, "created_at");
}

void NotificationService::NotifyAll(db::Session& session, const std::vector<NewNotification>& notifications) const {
  if (notifications.empty()) return;
  const std::int64_t now = clock_.NowSeconds();
  db::BulkInserter inserter(session, "notification", {"org_id", "kind", "title", "body", "link", "created_at"});
  for (const NewNotification& item : notifications) {
    inserter.Add({item.org_id, item.kind, item.title, item.body, item.link, now});
  }
  inserter.Finish();
}

Inbox NotificationService::List(const core::Actor& actor, bool unread_only, std::int64_t offset,
                                std::int64_t limit) const {
  core::RequirePermission(actor, "notification:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  const long long org_id = actor.org_id;
  const long long user_id = actor.user_id;
  Inbox inbox;
  const std::string filter = unread_only ? std::string(kUnreadOnly) : std::string();
  {
    long long total = 0;
    if (unread_only) {
      sql << std::string(kCount) + filter, soci::use(org_id, "org_id"), soci::use(user_id, "user_id"),
          soci::into(total);
    } else {
      sql << kCount, soci::use(org_id, "org_id"), soci::into(total);
    }
    inbox.total = total;
  }
  inbox.unread = unread_only ? inbox.total : CountUnread(sql, actor);
  Notification row;
  long long id = 0;
  long long created_at = 0;
  int read = 0;
  const long long page_offset = offset;
  const long long page_limit = limit;
  soci::statement statement(sql);
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(row.kind));
  statement.exchange(soci::into(row.title));
  statement.exchange(soci::into(row.body));
  statement.exchange(soci::into(row.link));
  statement.exchange(soci::into(created_at));
  statement.exchange(soci::into(read));
  statement.exchange(soci::use(user_id, "reader"));
  statement.exchange(soci::use(org_id, "org_id"));
  if (unread_only) statement.exchange(soci::use(user_id, "user_id"));
  statement.exchange(soci::use(page_limit, "limit"));
  statement.exchange(soci::use(page_offset, "offset"));
  statement.alloc();
  statement.prepare(std::string(kSelectPage) + filter + " ORDER BY n.id DESC LIMIT :limit OFFSET :offset");
  statement.define_and_bind();
  statement.execute();
  while (statement.fetch()) {
    row.id = id;
    row.created_at = created_at;
    row.read = read != 0;
    inbox.items.push_back(row);
  }
  return inbox;
}

std::int64_t NotificationService::UnreadCount(const core::Actor& actor) const {
  core::RequirePermission(actor, "notification:read");
  db::Session session(database_);
  return CountUnread(session.sql(), actor);
}

void NotificationService::MarkRead(const core::Actor& actor, std::int64_t notification_id) const {
  core::RequirePermission(actor, "notification:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  long long org_id = 0;
  const long long id = notification_id;
  sql << kFindOrg, soci::use(id, "id"), soci::into(org_id);
  if (!sql.got_data() || org_id != actor.org_id) throw AppError(ErrorKind::kNotFound, "notification.not_found");
  const long long user_id = actor.user_id;
  const long long now = clock_.NowSeconds();
  sql << kMarkRead, soci::use(id, "id"), soci::use(user_id, "user_id"), soci::use(now, "now");
  transaction.Commit();
}

void NotificationService::MarkAllRead(const core::Actor& actor) const {
  core::RequirePermission(actor, "notification:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const long long user_id = actor.user_id;
  const long long org_id = actor.org_id;
  const long long now = clock_.NowSeconds();
  sql << kMarkAllRead, soci::use(user_id, "user_id"), soci::use(now, "now"), soci::use(org_id, "org_id"),
      soci::use(user_id, "reader");
  transaction.Commit();
}

}  // namespace liandong::notification
