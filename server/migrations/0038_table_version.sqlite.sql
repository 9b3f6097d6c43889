-- A version per table whose figures a server keeps in memory: triggers bump it in the transaction
-- of every write that changes those figures, so that a server (or each of several on one
-- PostgreSQL) answers from memory only while the version it computed from is still the one in the
-- database. First user: the co-building overview's agreements in force per street (#15), a
-- function of the day and of these columns; the streets' subtrees follow org.parent_id.
CREATE TABLE table_version (
  name TEXT PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO table_version (name, version) VALUES ('agreement', 0);
CREATE TRIGGER agreement_version_insert AFTER INSERT ON agreement BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'agreement'; END;
CREATE TRIGGER agreement_version_update AFTER UPDATE OF org_id, start_on, end_on, terminated_on, first_unfiled_due_on, late_filed_reports ON agreement BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'agreement'; END;
CREATE TRIGGER agreement_version_delete AFTER DELETE ON agreement BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'agreement'; END;
CREATE TRIGGER agreement_version_org AFTER UPDATE OF parent_id, level ON org BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'agreement'; END;
