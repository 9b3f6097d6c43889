-- Full-text indexes of names over their two-character grams (core/text_search.hpp): one FTS5 row
-- per record, rowid = the record's id, kept in step by the repositories.
CREATE VIRTUAL TABLE org_search USING fts5(grams);
CREATE VIRTUAL TABLE unit_search USING fts5(grams);
CREATE VIRTUAL TABLE member_search USING fts5(grams);
