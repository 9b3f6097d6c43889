-- Roll-ups: counts kept per org for its whole subtree, so that city-wide statistics read a few
-- rows instead of scanning the subtree. They change in the same transaction as the rows they
-- count (org create, archive, level change, move; unit create, update, archive, import).
--   measure 'org_level': live descendants (the org itself excluded) by level (item), at their
--     depth below the org (relative_depth), so that levels keep their top-down order;
--   measure 'unit_coverage': live units of the org and its descendants by coverage (item),
--     relative_depth 0.
CREATE TABLE org_rollup (
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  measure TEXT NOT NULL,
  item TEXT NOT NULL,
  relative_depth INTEGER NOT NULL,
  total BIGINT NOT NULL,
  PRIMARY KEY (org_id, measure, item, relative_depth)
);

INSERT INTO org_rollup (org_id, measure, item, relative_depth, total)
SELECT a.id, 'org_level', d.level, d.depth - a.depth, COUNT(*)
FROM org a
JOIN org d ON d.path > a.path AND d.path < substr(a.path, 1, length(a.path) - 1) || '0'
WHERE d.archived_at IS NULL
GROUP BY a.id, d.level, d.depth - a.depth;

INSERT INTO org_rollup (org_id, measure, item, relative_depth, total)
SELECT a.id, 'unit_coverage',
       CASE WHEN u.eligible_for_org = 0 THEN 'not_eligible'
            WHEN u.own_org_id IS NOT NULL THEN 'own_org'
            WHEN u.joint_branch_org_id IS NOT NULL THEN 'joint_branch'
            WHEN u.instructor <> '' THEN 'work_only'
            ELSE 'uncovered' END,
       0, COUNT(*)
FROM org a
JOIN org o ON o.path >= a.path AND o.path < substr(a.path, 1, length(a.path) - 1) || '0'
JOIN unit u ON u.org_id = o.id
WHERE u.archived_at IS NULL
GROUP BY a.id, 3;
