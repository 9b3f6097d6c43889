-- The staffing page counts each community's workers in post from the index alone, without reading
-- every worker's row for its status (4,700 rows for a district of the megacity).
CREATE INDEX worker_org_status ON worker (org_id, status);
