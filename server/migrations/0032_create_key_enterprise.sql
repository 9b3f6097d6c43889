-- Key enterprises managed by both sides (双向管理重点企业): a unit of the key-enterprise register
-- (unit.key_enterprise) with its 块 owner, the street whose territory it sits in, and its 条 owner,
-- an agency of a department serving that street. Both sides keep one log of visits and issues;
-- an issue stays open until either side resolves it. Every entry keeps its dates, so that visits
-- and open issues are computable as of any day.
CREATE TABLE key_enterprise (
  id {{id_column}},
  unit_id {{id_type}} NOT NULL UNIQUE REFERENCES unit (id),
  street_org_id {{id_type}} NOT NULL REFERENCES org (id),
  agency_org_id {{id_type}} NOT NULL REFERENCES agency (org_id),
  reason TEXT NOT NULL,
  listed_on TEXT NOT NULL,
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX key_enterprise_street ON key_enterprise (street_org_id);
CREATE INDEX key_enterprise_agency ON key_enterprise (agency_org_id);

-- The shared log. side: which owner wrote it (street or agency). An issue has status open until
-- resolved (resolved_on, resolution, by which org); a visit has no status.
CREATE TABLE key_enterprise_entry (
  id {{id_column}},
  key_enterprise_id {{id_type}} NOT NULL REFERENCES key_enterprise (id),
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'issue')),
  side TEXT NOT NULL CHECK (side IN ('street', 'agency')),
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  happened_on TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT CHECK (status IN ('open', 'resolved')),
  resolved_on TEXT,
  resolution TEXT,
  resolved_by_org_id {{id_type}} REFERENCES org (id),
  recorded_by {{id_type}} NOT NULL REFERENCES user_account (id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX key_enterprise_entry_enterprise ON key_enterprise_entry (key_enterprise_id, happened_on);

INSERT INTO role_permission (role, permission) VALUES
  ('city_admin', 'key_enterprise:read'), ('district_admin', 'key_enterprise:read'),
  ('street_admin', 'key_enterprise:read'), ('street_admin', 'key_enterprise:write'),
  ('agency_staff', 'key_enterprise:read'), ('agency_staff', 'key_enterprise:write');
