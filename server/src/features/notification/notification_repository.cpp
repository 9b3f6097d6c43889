#include "features/notification/notification_repository.hpp"

#include <string>
#include <string_view>

#include "db/bulk_insert.hpp"

namespace liandong::notification {
namespace {

constexpr std::string_view kNotificationTable = "notification";
// The columns InsertAll and NotificationBulkLoad fill, in their order.
const std::vector<std::string> kBulkNotificationColumns = {"org_id", "kind", "title", "body", "link", "created_at"};

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

}  // namespace

void NotificationRepository::Insert(soci::session& sql, const NewNotification& notification, std::int64_t now) const {
  const long long org_id = notification.org_id;
  const long long at = now;
  sql << kInsert, soci::use(org_id, "org_id"), soci::use(notification.kind, "kind"),
      soci::use(notification.title, "title"), soci::use(notification.body, "body"),
      soci::use(notification.link, "link"), soci::use(at, "created_at");
}

void NotificationRepository::InsertAll(db::Session& session, const std::vector<NewNotification>& notifications,
                                       std::int64_t now) const {
  db::BulkInserter inserter(session, std::string(kNotificationTable), kBulkNotificationColumns);
  for (const NewNotification& item : notifications) {
    inserter.Add({item.org_id, item.kind, item.title, item.body, item.link, now});
  }
  inserter.Finish();
}

std::int64_t NotificationRepository::Count(soci::session& sql, std::int64_t org_id) const {
  const long long org = org_id;
  long long total = 0;
  sql << kCount, soci::use(org, "org_id"), soci::into(total);
  return total;
}

std::int64_t NotificationRepository::CountUnread(soci::session& sql, std::int64_t org_id, std::int64_t user_id) const {
  const long long org = org_id;
  const long long user = user_id;
  long long count = 0;
  sql << std::string(kCount) + std::string(kUnreadOnly), soci::use(org, "org_id"), soci::use(user, "user_id"),
      soci::into(count);
  return count;
}

std::vector<Notification> NotificationRepository::List(soci::session& sql, std::int64_t org_id, std::int64_t user_id,
                                                       bool unread_only, std::int64_t offset,
                                                       std::int64_t limit) const {
  const long long org = org_id;
  const long long user = user_id;
  const long long page_offset = offset;
  const long long page_limit = limit;
  Notification row;
  long long id = 0;
  long long created_at = 0;
  int read = 0;
  soci::statement statement(sql);
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(row.kind));
  statement.exchange(soci::into(row.title));
  statement.exchange(soci::into(row.body));
  statement.exchange(soci::into(row.link));
  statement.exchange(soci::into(created_at));
  statement.exchange(soci::into(read));
  statement.exchange(soci::use(user, "reader"));
  statement.exchange(soci::use(org, "org_id"));
  if (unread_only) statement.exchange(soci::use(user, "user_id"));
  statement.exchange(soci::use(page_limit, "limit"));
  statement.exchange(soci::use(page_offset, "offset"));
  statement.alloc();
  statement.prepare(std::string(kSelectPage) + (unread_only ? std::string(kUnreadOnly) : std::string()) +
                    " ORDER BY n.id DESC LIMIT :limit OFFSET :offset");
  statement.define_and_bind();
  statement.execute();
  std::vector<Notification> items;
  while (statement.fetch()) {
    row.id = id;
    row.created_at = created_at;
    row.read = read != 0;
    items.push_back(row);
  }
  return items;
}

std::optional<std::int64_t> NotificationRepository::OrgOf(soci::session& sql, std::int64_t notification_id) const {
  const long long id = notification_id;
  long long org_id = 0;
  sql << kFindOrg, soci::use(id, "id"), soci::into(org_id);
  if (!sql.got_data()) return std::nullopt;
  return org_id;
}

void NotificationRepository::MarkRead(soci::session& sql, std::int64_t notification_id, std::int64_t user_id,
                                      std::int64_t now) const {
  const long long id = notification_id;
  const long long user = user_id;
  const long long at = now;
  sql << kMarkRead, soci::use(id, "id"), soci::use(user, "user_id"), soci::use(at, "now");
}

void NotificationRepository::MarkAllRead(soci::session& sql, std::int64_t org_id, std::int64_t user_id,
                                         std::int64_t now) const {
  const long long org = org_id;
  const long long user = user_id;
  const long long at = now;
  sql << kMarkAllRead, soci::use(user, "user_id"), soci::use(at, "now"), soci::use(org, "org_id"),
      soci::use(user, "reader");
}

NotificationBulkLoad::NotificationBulkLoad(db::Session& session)
    : session_(session), notifications_(session, std::string(kNotificationTable), kBulkNotificationColumns) {}

void NotificationBulkLoad::Add(const NewNotification& notification, std::int64_t created_at) {
  notifications_.Add(
      {notification.org_id, notification.kind, notification.title, notification.body, notification.link, created_at});
}

void NotificationBulkLoad::Finish() {
  notifications_.Finish();
  db::ResetIdSequences(session_, {std::string(kNotificationTable)});
}

}  // namespace liandong::notification
