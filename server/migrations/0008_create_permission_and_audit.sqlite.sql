-- Roles as data: what each role may do (its scope is always the user's org subtree).
CREATE TABLE role_permission (
  role TEXT NOT NULL,
  permission TEXT NOT NULL,
  PRIMARY KEY (role, permission)
);

-- The audit log: one row per state change, unmasked view and export. Append-only; the security
-- work adds the hash chain.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at BIGINT NOT NULL,
  user_id INTEGER,
  org_id INTEGER,
  action TEXT NOT NULL,
  target_kind TEXT NOT NULL DEFAULT '',
  target_id INTEGER,
  result TEXT NOT NULL,
  remote_address TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_target ON audit_log (target_kind, target_id);
