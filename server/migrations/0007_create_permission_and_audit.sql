-- Roles as data: what each role may do (its scope is always the user's org subtree).
CREATE TABLE role_permission (
  role TEXT NOT NULL,
  permission TEXT NOT NULL,
  PRIMARY KEY (role, permission)
);

-- The audit log: one row per state change, unmasked view and export. Append-only; the security
-- work adds the hash chain.
CREATE TABLE audit_log (
  id {{id_column}},
  at BIGINT NOT NULL,
  user_id {{id_type}},
  org_id {{id_type}},
  action TEXT NOT NULL,
  target_kind TEXT NOT NULL DEFAULT '',
  target_id {{id_type}},
  result TEXT NOT NULL,
  remote_address TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_target ON audit_log (target_kind, target_id);
