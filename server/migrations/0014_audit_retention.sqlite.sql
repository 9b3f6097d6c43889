-- Audit retention: rows may be purged once they are older than the retention period (`liandong
-- audit purge`), never one within 184 days of the newest row. The purge leaves a MAC'd anchor:
-- the first kept row and the hash it links to, so that the rest of the chain still verifies.
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log WHEN old.at > (SELECT MAX(at) FROM audit_log) - 15897600
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only; rows are kept at least 184 days'); END;
CREATE TABLE audit_chain_anchor (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  first_id BIGINT NOT NULL,
  previous_hash TEXT NOT NULL,
  anchor_mac TEXT NOT NULL
);
