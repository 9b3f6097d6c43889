-- The matching's candidates (#15) found from the orgs in scope: each org of the need's street (or
-- district) and each org above it is looked up in these indexes for the need's category, instead
-- of walking every resource and project of the category in the city and reading its org's path.
CREATE INDEX resource_org_category ON resource (org_id, category, valid_to);
CREATE INDEX project_org_category ON project (org_id, category, status, ends_on);
