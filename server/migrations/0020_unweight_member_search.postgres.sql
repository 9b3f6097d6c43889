-- Member search without weights. GIN keeps no weights, so 0018's weighted query ('张伟':D &
-- 'o23':A) made PostgreSQL recompute the tsvector of every match to check it: 36 ms warm and 95 ms
-- cold for the 4,000 张伟 of a megacity, and member search at city scope ran at 10 requests a
-- second. Scope tokens now take a form no name gram has ("组23": a gram is a CJK pair or an ASCII
-- word, never both), so the plain query '张伟' & '组23' cannot mistake one for the other and is
-- answered by the index alone. There is no token for the path's end, so a lone "组" matches none.
CREATE FUNCTION member_scope_tokens(path TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$ SELECT '组' || replace(trim(both '/' from path), '/', ' 组') $$;
CREATE OR REPLACE FUNCTION member_search_scope() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.search_scope := (SELECT member_scope_tokens(path) FROM org WHERE id = NEW.org_id); RETURN NEW; END $$;
CREATE OR REPLACE FUNCTION org_path_member_scope() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE member SET search_scope = member_scope_tokens(NEW.path) WHERE org_id = NEW.id; RETURN NULL; END $$;
DROP INDEX member_name_search;
UPDATE member m SET search_scope = member_scope_tokens(o.path) FROM org o WHERE o.id = m.org_id;
CREATE INDEX member_name_search ON member USING GIN (to_tsvector('simple', name_grams || ' ' || search_scope));
