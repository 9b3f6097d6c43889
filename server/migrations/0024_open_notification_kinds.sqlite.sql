-- Notification kinds are checked by the code that writes them: every feature adds its own (residents'
-- requests, co-building, …), and a CHECK listing them would need a table rebuild each time. SQLite
-- cannot drop a CHECK: the table is rebuilt once without it. notification_read refers to it by
-- name, so its foreign key is checked at commit, when the rows are back under the same ids.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE notification_rebuilt (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
INSERT INTO notification_rebuilt (id, org_id, kind, title, body, link, created_at)
  SELECT id, org_id, kind, title, body, link, created_at FROM notification;
DROP TABLE notification;
ALTER TABLE notification_rebuilt RENAME TO notification;
CREATE INDEX notification_org ON notification (org_id, id);
