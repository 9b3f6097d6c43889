-- A version per set of figures that a server keeps in memory: triggers bump it in the transaction
-- of every write that changes those figures, so that a server (or each of several on one
-- PostgreSQL) answers from memory only while the versions it computed from are still the ones in
-- the database. First user: the co-building overview's rows per street (#15), a function of the
-- day, of the agreements' terms and reports, of the streets' subtrees (org.parent_id) and of
-- cobuild_tally.
CREATE TABLE table_version (
  name TEXT PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO table_version (name, version) VALUES ('agreement', 0);
INSERT INTO table_version (name, version) VALUES ('cobuild_tally', 0);
CREATE TRIGGER agreement_version_insert AFTER INSERT ON agreement BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'agreement'; END;
CREATE TRIGGER agreement_version_update AFTER UPDATE OF org_id, start_on, end_on, terminated_on, first_unfiled_due_on, late_filed_reports ON agreement BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'agreement'; END;
CREATE TRIGGER agreement_version_delete AFTER DELETE ON agreement BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'agreement'; END;
CREATE TRIGGER agreement_version_org AFTER UPDATE OF parent_id, level ON org BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'agreement'; END;
CREATE TRIGGER cobuild_tally_version_insert AFTER INSERT ON cobuild_tally BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'cobuild_tally'; END;
CREATE TRIGGER cobuild_tally_version_update AFTER UPDATE ON cobuild_tally BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'cobuild_tally'; END;
CREATE TRIGGER cobuild_tally_version_delete AFTER DELETE ON cobuild_tally BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'cobuild_tally'; END;
