-- A qualification carries its worker's community, so that a jurisdiction's expiring ones are read
-- from its communities' index entries instead of testing every expiring qualification of the city
-- against the subtree. Triggers keep it: a new qualification takes its worker's org, and a worker
-- who moves to another community takes its qualifications along.
ALTER TABLE worker_qualification ADD COLUMN org_id BIGINT REFERENCES org (id);
UPDATE worker_qualification q SET org_id = w.org_id FROM worker w WHERE w.id = q.worker_id;
CREATE INDEX worker_qualification_org_expiry ON worker_qualification (org_id, expires_on);
CREATE FUNCTION worker_qualification_take_org() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.org_id := (SELECT w.org_id FROM worker w WHERE w.id = NEW.worker_id); RETURN NEW; END $$;
CREATE TRIGGER worker_qualification_org_insert BEFORE INSERT ON worker_qualification FOR EACH ROW EXECUTE FUNCTION worker_qualification_take_org();
CREATE FUNCTION worker_move_qualifications() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE worker_qualification SET org_id = NEW.org_id WHERE worker_id = NEW.id; RETURN NULL; END $$;
CREATE TRIGGER worker_qualification_org_move AFTER UPDATE OF org_id ON worker FOR EACH ROW WHEN (OLD.org_id IS DISTINCT FROM NEW.org_id) EXECUTE FUNCTION worker_move_qualifications();
