-- Resident units and two-new organisations (驻区单位, 两新组织): where they are, whether they are
-- eligible to set up a Party organisation (the denominator of coverage) and how they are covered.
CREATE TABLE unit (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  name TEXT NOT NULL,
  name_grams TEXT NOT NULL,
  credit_code TEXT NOT NULL UNIQUE,
  unit_kind TEXT NOT NULL,
  industry TEXT NOT NULL DEFAULT '',
  staff_count INTEGER NOT NULL DEFAULT 0,
  legal_representative TEXT NOT NULL DEFAULT '',
  eligible_for_org INTEGER NOT NULL DEFAULT 0,
  own_org_id {{id_type}} REFERENCES org (id),
  joint_branch_org_id {{id_type}} REFERENCES org (id),
  instructor TEXT NOT NULL DEFAULT '',
  key_enterprise INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT
);
CREATE INDEX unit_org_id ON unit (org_id);
