-- cobuild_tally takes a sixth measure, service_entries: the count of a year's service hours beside
-- their minutes (migration 0043 fills it).
ALTER TABLE cobuild_tally DROP CONSTRAINT cobuild_tally_measure_check;
ALTER TABLE cobuild_tally ADD CONSTRAINT cobuild_tally_measure_check
  CHECK (measure IN ('needs_open', 'needs_matched', 'members_reported', 'units_reported', 'service_minutes',
                     'service_entries'));
