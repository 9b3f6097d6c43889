-- Joint meetings (联席会议) of a street's or community's joint conference: agenda, attendance,
-- minutes, and resolutions, each of which can be issued as a cascading task to its responsible
-- orgs (the task is found from its resolution and the resolution from its task).
CREATE TABLE joint_meeting (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  title TEXT NOT NULL,
  meeting_date TEXT NOT NULL,
  place TEXT NOT NULL,
  agenda TEXT NOT NULL,
  minutes TEXT,
  minutes_recorded_at BIGINT,
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
-- A street's meetings are found through its orgs; a whole district's or city's newest first by date.
CREATE INDEX joint_meeting_org_date ON joint_meeting (org_id, meeting_date);
CREATE INDEX joint_meeting_date ON joint_meeting (meeting_date, id);

CREATE TABLE joint_meeting_attendee (
  id {{id_column}},
  joint_meeting_id {{id_type}} NOT NULL REFERENCES joint_meeting (id),
  position INTEGER NOT NULL,
  person_name TEXT NOT NULL,
  unit_id {{id_type}} REFERENCES unit (id),
  post TEXT NOT NULL,
  present INTEGER,
  absence_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX joint_meeting_attendee_meeting ON joint_meeting_attendee (joint_meeting_id, position);

CREATE TABLE joint_meeting_resolution (
  id {{id_column}},
  joint_meeting_id {{id_type}} NOT NULL REFERENCES joint_meeting (id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  deadline TEXT NOT NULL,
  task_id {{id_type}} UNIQUE REFERENCES task (id),
  created_at BIGINT NOT NULL,
  UNIQUE (joint_meeting_id, position)
);

CREATE TABLE joint_meeting_resolution_org (
  resolution_id {{id_type}} NOT NULL REFERENCES joint_meeting_resolution (id),
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  PRIMARY KEY (resolution_id, org_id)
);
