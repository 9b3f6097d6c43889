-- Member search answers "who is called 张伟 in this subtree" from the index alone. Each row carries,
-- besides the name's grams, its org's path as tokens (" o1 o2 o23 o"), so that a search at a
-- district or street is one FTS5 query (grams:"张伟" AND scope:o23) and its count reads no member
-- row. The index holds the members who are not archived, and triggers keep it in step with the
-- member rows and with moves of their orgs (an org's new path re-tokenises its members).
DROP TABLE member_search;
CREATE VIRTUAL TABLE member_search USING fts5(grams, scope);
INSERT INTO member_search (rowid, grams, scope)
  SELECT m.id, m.name_grams, replace(o.path, '/', ' o') FROM member m JOIN org o ON o.id = m.org_id
  WHERE m.archived_at IS NULL;
-- (One line per trigger: the migrator ends a statement at a line that ends in a semicolon.)
CREATE TRIGGER member_search_insert AFTER INSERT ON member WHEN NEW.archived_at IS NULL BEGIN INSERT INTO member_search (rowid, grams, scope) SELECT NEW.id, NEW.name_grams, replace(path, '/', ' o') FROM org WHERE id = NEW.org_id; END;
CREATE TRIGGER member_search_update AFTER UPDATE OF name_grams, org_id, archived_at ON member BEGIN DELETE FROM member_search WHERE rowid = OLD.id; INSERT INTO member_search (rowid, grams, scope) SELECT NEW.id, NEW.name_grams, replace(path, '/', ' o') FROM org WHERE id = NEW.org_id AND NEW.archived_at IS NULL; END;
CREATE TRIGGER member_search_delete AFTER DELETE ON member BEGIN DELETE FROM member_search WHERE rowid = OLD.id; END;
CREATE TRIGGER member_search_org_path AFTER UPDATE OF path ON org WHEN NEW.path <> OLD.path BEGIN DELETE FROM member_search WHERE rowid IN (SELECT id FROM member WHERE org_id = NEW.id); INSERT INTO member_search (rowid, grams, scope) SELECT id, name_grams, replace(NEW.path, '/', ' o') FROM member WHERE org_id = NEW.id AND archived_at IS NULL; END;
