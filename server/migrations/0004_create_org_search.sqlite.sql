-- Full-text index of org names: rowid = org.id, one row of grams per org.
CREATE VIRTUAL TABLE org_search USING fts5(grams);
