-- The co-building overview (#15) from indexes alone: the city's ~300 streets (a partial index of
-- the streets' paths and names), their tallies (one entry per street, measure and year with its
-- total), and the drill-down to a street's service hours of a year, counted and summed with the
-- minutes in the index, its page of ids sorted before the 20 rows it shows are joined.
CREATE INDEX org_street_path ON org (level, path, name, archived_at) WHERE level = 'street';
CREATE INDEX cobuild_tally_total ON cobuild_tally (org_id, year, measure, total);
DROP INDEX service_hours_community;
CREATE INDEX service_hours_community ON service_hours (community_id, served_on, minutes);
