-- A qualification carries its worker's community, so that a jurisdiction's expiring ones are read
-- from its communities' index entries instead of testing every expiring qualification of the city
-- against the subtree. Triggers keep it: a new qualification takes its worker's org, and a worker
-- who moves to another community takes its qualifications along.
ALTER TABLE worker_qualification ADD COLUMN org_id INTEGER REFERENCES org (id);
UPDATE worker_qualification SET org_id = (SELECT w.org_id FROM worker w WHERE w.id = worker_qualification.worker_id);
CREATE INDEX worker_qualification_org_expiry ON worker_qualification (org_id, expires_on);
CREATE TRIGGER worker_qualification_org_insert AFTER INSERT ON worker_qualification BEGIN UPDATE worker_qualification SET org_id = (SELECT w.org_id FROM worker w WHERE w.id = NEW.worker_id) WHERE id = NEW.id; END;
CREATE TRIGGER worker_qualification_org_move AFTER UPDATE OF org_id ON worker BEGIN UPDATE worker_qualification SET org_id = NEW.org_id WHERE worker_id = NEW.id; END;
