-- Member search answers "who is called 张伟 in this subtree" from one GIN index. Each member carries
-- its org's path as tokens (search_scope = " o1 o2 o23 o"), indexed with weight A beside the name's
-- grams (weight D), so a search at a district or street is one query ('张伟':D & 'o23':A) and its
-- count needs no join. Triggers keep search_scope in step with the member's org and with moves of
-- that org (an org's new path re-tokenises its members).
ALTER TABLE member ADD COLUMN search_scope TEXT NOT NULL DEFAULT '';
UPDATE member m SET search_scope = replace(o.path, '/', ' o') FROM org o WHERE o.id = m.org_id;
DROP INDEX member_name_grams;
CREATE INDEX member_name_search ON member
  USING GIN ((to_tsvector('simple', name_grams) || setweight(to_tsvector('simple', search_scope), 'A')));
CREATE FUNCTION member_search_scope() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.search_scope := (SELECT replace(path, '/', ' o') FROM org WHERE id = NEW.org_id); RETURN NEW; END $$;
CREATE TRIGGER member_search_scope BEFORE INSERT OR UPDATE OF org_id ON member FOR EACH ROW EXECUTE FUNCTION member_search_scope();
CREATE FUNCTION org_path_member_scope() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE member SET search_scope = replace(NEW.path, '/', ' o') WHERE org_id = NEW.id; RETURN NULL; END $$;
CREATE TRIGGER org_path_member_scope AFTER UPDATE OF path ON org FOR EACH ROW WHEN (NEW.path <> OLD.path) EXECUTE FUNCTION org_path_member_scope();
