-- Full-text index of org names over their grams.
CREATE INDEX org_name_grams ON org USING GIN (to_tsvector('simple', name_grams));
