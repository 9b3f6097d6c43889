-- Notification kinds are checked by the code that writes them: every feature adds its own (residents'
-- requests, co-building, …), and a CHECK listing them would need a table rebuild on SQLite each time.
ALTER TABLE notification DROP CONSTRAINT IF EXISTS notification_kind_check;
