-- Password rules: when each password was set (for expiry) and the last few hashes (no reuse).
ALTER TABLE user_account ADD COLUMN password_changed_at BIGINT NOT NULL DEFAULT 0;
CREATE TABLE password_history (
  id {{id_column}},
  user_id {{id_type}} NOT NULL REFERENCES user_account (id),
  password_hash TEXT NOT NULL,
  changed_at BIGINT NOT NULL
);
CREATE INDEX password_history_user_id ON password_history (user_id, id);
