-- Evidence files on residents' requests (接诉即办的处置佐证): the owner uploads a photo or a
-- document while it handles the request; the note or reply it then writes links the upload to
-- that step of the timeline. An upload that no step links stays the request's own until then.
ALTER TABLE attachment ADD COLUMN request_id {{id_type}} REFERENCES request (id);
ALTER TABLE attachment ADD COLUMN request_step_id {{id_type}} REFERENCES request_step (id);
CREATE INDEX attachment_request ON attachment (request_id, id) WHERE request_id IS NOT NULL;
