-- cobuild_tally takes a sixth measure, service_entries: the count of a year's service hours beside
-- their minutes (migration 0043 fills it). SQLite changes a CHECK by rebuilding the table, with its
-- index (0037) and its version triggers (0038).
CREATE TABLE cobuild_tally_new (
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  measure TEXT NOT NULL CHECK (measure IN ('needs_open', 'needs_matched', 'members_reported', 'units_reported',
                                           'service_minutes', 'service_entries')),
  -- 0 for the counts of now; the year served for service_minutes and service_entries.
  year INTEGER NOT NULL,
  total BIGINT NOT NULL,
  PRIMARY KEY (org_id, measure, year)
);
INSERT INTO cobuild_tally_new (org_id, measure, year, total) SELECT org_id, measure, year, total FROM cobuild_tally;
DROP TABLE cobuild_tally;
ALTER TABLE cobuild_tally_new RENAME TO cobuild_tally;
CREATE INDEX cobuild_tally_total ON cobuild_tally (org_id, year, measure, total);
CREATE TRIGGER cobuild_tally_version_insert AFTER INSERT ON cobuild_tally BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'cobuild_tally'; END;
CREATE TRIGGER cobuild_tally_version_update AFTER UPDATE ON cobuild_tally BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'cobuild_tally'; END;
CREATE TRIGGER cobuild_tally_version_delete AFTER DELETE ON cobuild_tally BEGIN UPDATE table_version SET version = version + 1 WHERE name = 'cobuild_tally'; END;
UPDATE table_version SET version = version + 1 WHERE name = 'cobuild_tally';
