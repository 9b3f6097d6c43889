-- Member lists at street or city scope: live members by org from the index alone, and their
-- number from a roll-up (measure 'member', item 'live': live members of the org and its
-- descendants) instead of a count over the whole subtree.
DROP INDEX member_org_id;
CREATE INDEX member_live_org ON member (org_id, archived_at, id);

INSERT INTO org_rollup (org_id, measure, item, relative_depth, total)
SELECT a.id, 'member', 'live', 0, COUNT(*)
FROM org a
JOIN org o ON o.path >= a.path AND o.path < substr(a.path, 1, length(a.path) - 1) || '0'
JOIN member m ON m.org_id = o.id
WHERE m.archived_at IS NULL
GROUP BY a.id;
