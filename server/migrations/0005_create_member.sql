-- Party members. ID numbers and phones are stored encrypted (core/field_cipher.hpp) with a blind
-- index for exact lookup and a masked copy for lists; never in the clear.
CREATE TABLE member (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  name TEXT NOT NULL,
  name_grams TEXT NOT NULL,
  gender TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  id_number_cipher TEXT NOT NULL,
  id_number_index TEXT NOT NULL UNIQUE,
  id_number_masked TEXT NOT NULL,
  phone_cipher TEXT NOT NULL DEFAULT '',
  phone_index TEXT NOT NULL DEFAULT '',
  phone_masked TEXT NOT NULL DEFAULT '',
  education TEXT NOT NULL DEFAULT '',
  joined_on TEXT,
  full_member_on TEXT,
  status TEXT NOT NULL,
  standing TEXT NOT NULL DEFAULT 'normal',
  in_service INTEGER NOT NULL DEFAULT 0,
  employer_unit_id {{id_type}} REFERENCES unit (id),
  home_community_id {{id_type}} REFERENCES org (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT
);
CREATE INDEX member_org_id ON member (org_id);
CREATE INDEX member_phone_index ON member (phone_index);
CREATE INDEX member_home_community_id ON member (home_community_id);

-- Transfers of membership (组织关系转接): requested by the sending org, decided by the receiving one.
CREATE TABLE member_transfer (
  id {{id_column}},
  member_id {{id_type}} NOT NULL REFERENCES member (id),
  from_org_id {{id_type}} NOT NULL REFERENCES org (id),
  to_org_id {{id_type}} NOT NULL REFERENCES org (id),
  status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  decision_reason TEXT NOT NULL DEFAULT '',
  requested_by {{id_type}} NOT NULL REFERENCES user_account (id),
  requested_at BIGINT NOT NULL,
  decided_by {{id_type}} REFERENCES user_account (id),
  decided_at BIGINT
);
CREATE INDEX member_transfer_member_id ON member_transfer (member_id);
CREATE INDEX member_transfer_to_org_id ON member_transfer (to_org_id, status);
CREATE INDEX member_transfer_from_org_id ON member_transfer (from_org_id, status);
