-- Login abuse controls: consecutive failures lock an account for a while; failures per address
-- are counted from the audit log, which every login attempt writes to.
ALTER TABLE user_account ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE user_account ADD COLUMN locked_until BIGINT;
CREATE INDEX audit_log_login_attempts ON audit_log (action, remote_address, at);
