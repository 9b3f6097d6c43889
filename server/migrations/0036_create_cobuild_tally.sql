-- The co-building overview's roll-ups (#15): the needs open and matched, the running 报到 of
-- in-service members and of unit Party orgs, and the minutes of service recorded in each year. A
-- community's row counts its own records; a street's row counts its whole subtree (its own records
-- and its communities'), so that the city's overview reads one row per street and measure instead
-- of ~700,000 check-ins and a year of service hours. Kept in the transaction of every write that
-- changes them (features/cobuild_overview/tally.cpp). The facts keep their dates (reported_on,
-- ended_on, served_on, matched_on): these are only the counts of now.
CREATE TABLE cobuild_tally (
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  measure TEXT NOT NULL CHECK (measure IN ('needs_open', 'needs_matched', 'members_reported', 'units_reported',
                                           'service_minutes')),
  -- 0 for the counts of now; the year served for service_minutes.
  year INTEGER NOT NULL,
  total BIGINT NOT NULL,
  PRIMARY KEY (org_id, measure, year)
);

-- A street's service hours of a year, newest first: the overview's drill-down.
CREATE INDEX service_hours_community ON service_hours (community_id, served_on);

-- The counts of the records already there: the communities' rows, then the streets' (the same
-- statements as Retally in tally.cpp).
INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT o.id, CASE WHEN n.status = 'open' THEN 'needs_open' ELSE 'needs_matched' END, 0, COUNT(*)
FROM need n JOIN org o ON o.id = n.org_id
WHERE o.level = 'community' AND n.status IN ('open', 'matched')
GROUP BY o.id, n.status;

INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, CASE WHEN n.status = 'open' THEN 'needs_open' ELSE 'needs_matched' END, 0, COUNT(*)
FROM need n JOIN org o ON o.id = n.org_id
WHERE o.level IN ('street', 'community') AND n.status IN ('open', 'matched')
GROUP BY CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, n.status;

INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT o.id, 'members_reported', 0, COUNT(*)
FROM member_check_in k JOIN org o ON o.id = k.community_id
WHERE o.level = 'community' AND k.ended_on IS NULL
GROUP BY o.id;

INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, 'members_reported', 0, COUNT(*)
FROM member_check_in k JOIN org o ON o.id = k.community_id
WHERE o.level IN ('street', 'community') AND k.ended_on IS NULL
GROUP BY CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END;

INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT o.id, 'units_reported', 0, COUNT(*)
FROM unit_check_in k JOIN org o ON o.id = k.community_id
WHERE o.level = 'community' AND k.ended_on IS NULL
GROUP BY o.id;

INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, 'units_reported', 0, COUNT(*)
FROM unit_check_in k JOIN org o ON o.id = k.community_id
WHERE o.level IN ('street', 'community') AND k.ended_on IS NULL
GROUP BY CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END;

INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT o.id, 'service_minutes', CAST(substr(h.served_on, 1, 4) AS INTEGER), SUM(h.minutes)
FROM service_hours h JOIN org o ON o.id = h.community_id
WHERE o.level = 'community'
GROUP BY o.id, CAST(substr(h.served_on, 1, 4) AS INTEGER);

INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, 'service_minutes', CAST(substr(h.served_on, 1, 4) AS INTEGER), SUM(h.minutes)
FROM service_hours h JOIN org o ON o.id = h.community_id
WHERE o.level IN ('street', 'community')
GROUP BY CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, CAST(substr(h.served_on, 1, 4) AS INTEGER);
