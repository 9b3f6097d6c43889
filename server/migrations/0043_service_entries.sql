-- The service hours' drill-down (#15) at street scope: its total and minutes are the tallies of
-- the street's communities for the year (a new measure, service_entries, beside service_minutes),
-- and its page is merged from each community's newest entries, read in order from the index.
INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT o.id, 'service_entries', CAST(substr(h.served_on, 1, 4) AS INTEGER), COUNT(*)
FROM service_hours h JOIN org o ON o.id = h.community_id
WHERE o.level = 'community'
GROUP BY o.id, CAST(substr(h.served_on, 1, 4) AS INTEGER);
INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, 'service_entries', CAST(substr(h.served_on, 1, 4) AS INTEGER), COUNT(*)
FROM service_hours h JOIN org o ON o.id = h.community_id
WHERE o.level IN ('street', 'community')
GROUP BY CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, CAST(substr(h.served_on, 1, 4) AS INTEGER);
DROP INDEX service_hours_community;
CREATE INDEX service_hours_community ON service_hours (community_id, served_on, id, minutes);
