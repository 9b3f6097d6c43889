-- Audit retention: rows may be purged once they are older than the retention period (`liandong
-- audit purge`), never one within 184 days of the newest row. The purge leaves a MAC'd anchor:
-- the first kept row and the hash it links to, so that the rest of the chain still verifies.
DROP TRIGGER audit_log_no_change ON audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE FUNCTION audit_log_retained() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF OLD.at > (SELECT MAX(at) FROM audit_log) - 15897600 THEN RAISE EXCEPTION 'the audit log is append-only; rows are kept at least 184 days'; END IF; RETURN OLD; END $$;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_retained();
CREATE TABLE audit_chain_anchor (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  first_id BIGINT NOT NULL,
  previous_hash TEXT NOT NULL,
  anchor_mac TEXT NOT NULL
);
