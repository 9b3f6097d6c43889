-- Roles as data, each with its duty: staff work, or one of the three separated administrators
-- (三员分立): system (users, orgs, settings), security (roles, permissions, policies), audit (the
-- audit log only). A role's permissions never cross duties; the three administrator roles are
-- built in and fixed.
CREATE TABLE role (
  name TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  duty TEXT NOT NULL CHECK (duty IN ('staff', 'system', 'security', 'audit')),
  builtin INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL DEFAULT 0
);
INSERT INTO role (name, display_name, duty, builtin) VALUES
  ('city_admin', '市级组织部门', 'staff', 1),
  ('district_admin', '区级组织部门', 'staff', 1),
  ('street_admin', '街道党工委', 'staff', 1),
  ('community_admin', '社区党组织', 'staff', 1),
  ('system_admin', '系统管理员', 'system', 1),
  ('security_admin', '安全管理员', 'security', 1),
  ('audit_admin', '审计管理员', 'audit', 1);
INSERT INTO role_permission (role, permission) VALUES
  ('system_admin', 'org:read'), ('system_admin', 'org:write'),
  ('system_admin', 'user:read'), ('system_admin', 'user:write'),
  ('system_admin', 'setting:read'), ('system_admin', 'setting:write'),
  ('security_admin', 'role:read'), ('security_admin', 'role:write'),
  ('security_admin', 'setting:read'), ('security_admin', 'policy:write'),
  ('audit_admin', 'audit:read'), ('audit_admin', 'audit:export');

-- Deployment settings and security policies, each changed only by the duty that owns it.
CREATE TABLE setting (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by {{id_type}} REFERENCES user_account (id)
);

-- The second factor: a TOTP secret (encrypted like personal data) and the last time step used,
-- so that no code is accepted twice; one-time recovery codes, kept as hashes.
CREATE TABLE user_totp (
  user_id {{id_type}} PRIMARY KEY REFERENCES user_account (id),
  secret_ciphertext TEXT NOT NULL,
  confirmed_at BIGINT,
  last_step BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE recovery_code (
  id {{id_column}},
  user_id {{id_type}} NOT NULL REFERENCES user_account (id),
  code_hash TEXT NOT NULL,
  used_at BIGINT
);
CREATE INDEX recovery_code_user_id ON recovery_code (user_id);
ALTER TABLE user_session ADD COLUMN second_factor_pending INTEGER NOT NULL DEFAULT 0;
CREATE INDEX audit_log_org_at ON audit_log (org_id, at);
