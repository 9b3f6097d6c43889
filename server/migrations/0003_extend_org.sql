-- What an organisation record holds besides its place in the tree, and the grams of its name for
-- Chinese search (core/text_search.hpp).
ALTER TABLE org ADD COLUMN secretary TEXT NOT NULL DEFAULT '';
ALTER TABLE org ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE org ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE org ADD COLUMN founded_on TEXT;
ALTER TABLE org ADD COLUMN sector TEXT NOT NULL DEFAULT '';
ALTER TABLE org ADD COLUMN name_grams TEXT NOT NULL DEFAULT '';
ALTER TABLE org ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
