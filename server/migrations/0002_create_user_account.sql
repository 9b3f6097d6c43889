-- Staff users (each belongs to one org and sees its subtree) and their sessions. Only a hash of
-- each session token is stored.
CREATE TABLE user_account (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX user_account_org_id ON user_account (org_id);

CREATE TABLE user_session (
  id {{id_column}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id {{id_type}} NOT NULL REFERENCES user_account (id),
  csrf_token TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX user_session_user_id ON user_session (user_id);
