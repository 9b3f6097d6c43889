-- A version per set of figures that a server keeps in memory: triggers bump it in the transaction
-- of every write that changes those figures, so that a server (or each of several on one
-- PostgreSQL) answers from memory only while the versions it computed from are still the ones in
-- the database. First user: the co-building overview's rows per street (#15), a function of the
-- day, of the agreements' terms and reports, of the streets' subtrees (org.parent_id) and of
-- cobuild_tally.
--
-- The triggers are deferred to the commit: a transaction takes the version's row lock last, after
-- every row it writes, so two writers never wait on each other in opposite orders (a need raised
-- at a street beside hours recorded in one of its communities would otherwise deadlock on the
-- street's tally row and the version). The cost: writes of one kind commit one after another.
CREATE TABLE table_version (
  name TEXT PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO table_version (name, version) VALUES ('agreement', 0);
INSERT INTO table_version (name, version) VALUES ('cobuild_tally', 0);
CREATE FUNCTION table_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE table_version SET version = version + 1 WHERE name = TG_ARGV[0]; RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER agreement_version AFTER INSERT OR DELETE OR UPDATE OF org_id, start_on, end_on, terminated_on, first_unfiled_due_on, late_filed_reports ON agreement DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION table_version_bump('agreement');
CREATE CONSTRAINT TRIGGER agreement_version_org AFTER UPDATE OF parent_id, level ON org DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION table_version_bump('agreement');
CREATE CONSTRAINT TRIGGER cobuild_tally_version AFTER INSERT OR UPDATE OR DELETE ON cobuild_tally DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION table_version_bump('cobuild_tally');
