-- Joint committees of streets (大工委) and communities (大党委), with part-time members from units;
-- and each street's reform profile with the powers granted to it.
CREATE TABLE joint_committee (
  id {{id_column}},
  org_id {{id_type}} NOT NULL UNIQUE REFERENCES org (id),
  scope TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE joint_committee_member (
  id {{id_column}},
  joint_committee_id {{id_type}} NOT NULL REFERENCES joint_committee (id),
  person_name TEXT NOT NULL,
  unit_id {{id_type}} REFERENCES unit (id),
  post TEXT NOT NULL,
  part_time INTEGER NOT NULL DEFAULT 1,
  term_start TEXT NOT NULL,
  term_end TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX joint_committee_member_committee ON joint_committee_member (joint_committee_id);
CREATE INDEX joint_committee_member_unit ON joint_committee_member (unit_id);

CREATE TABLE street_profile (
  org_id {{id_type}} PRIMARY KEY REFERENCES org (id),
  office_set_up INTEGER NOT NULL DEFAULT 0,
  office_set_up_on TEXT,
  deputy_secretary TEXT NOT NULL DEFAULT '',
  deputy_secretary_since TEXT,
  function_list_published INTEGER NOT NULL DEFAULT 0,
  function_list_published_on TEXT,
  updated_at BIGINT NOT NULL
);

CREATE TABLE street_power (
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  power TEXT NOT NULL,
  granted_on TEXT NOT NULL,
  PRIMARY KEY (org_id, power)
);
