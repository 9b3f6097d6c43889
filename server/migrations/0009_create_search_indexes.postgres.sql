-- Full-text indexes of names over their two-character grams (core/text_search.hpp), searched with
-- to_tsvector('simple', name_grams) @@ plainto_tsquery('simple', :grams).
CREATE INDEX org_name_grams ON org USING GIN (to_tsvector('simple', name_grams));
CREATE INDEX unit_name_grams ON unit USING GIN (to_tsvector('simple', name_grams));
CREATE INDEX member_name_grams ON member USING GIN (to_tsvector('simple', name_grams));
