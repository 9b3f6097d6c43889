-- Open311 GeoReport v2 (/open311/v2/): partner systems (a city platform, a district's grid system)
-- take and read residents' requests with an api_key issued to each of them. A partner acts as a
-- system account of its org (disabled for logins), so that its requests, steps and audit entries
-- name it, and it reads what that org may read. Keys are stored as SM3 hashes; revoking keeps the
-- row (who, when, why).
CREATE TABLE open311_partner (
  id {{id_column}},
  name TEXT NOT NULL UNIQUE,
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  user_id {{id_type}} NOT NULL REFERENCES user_account (id),
  key_hash TEXT NOT NULL UNIQUE,
  key_hint TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by {{id_type}} REFERENCES user_account (id),
  last_used_at BIGINT,
  revoked_at BIGINT,
  revoked_by {{id_type}} REFERENCES user_account (id),
  revoke_reason TEXT NOT NULL DEFAULT ''
);

-- The requests a partner posted, with the token GET tokens/{token} resolves.
CREATE TABLE open311_request (
  request_id {{id_type}} PRIMARY KEY REFERENCES request (id),
  partner_id {{id_type}} NOT NULL REFERENCES open311_partner (id),
  token TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);
CREATE INDEX open311_request_partner ON open311_request (partner_id, created_at);

-- Extra fields a catalogue leaf asks for (GeoReport's service definition attributes), and their
-- values on each request.
CREATE TABLE request_category_attribute (
  id {{id_column}},
  category_id {{id_type}} NOT NULL REFERENCES request_category (id),
  code TEXT NOT NULL,
  datatype TEXT NOT NULL CHECK (datatype IN ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
  required INTEGER NOT NULL DEFAULT 0,
  description TEXT NOT NULL,
  datatype_description TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL,
  UNIQUE (category_id, code)
);
CREATE TABLE request_category_attribute_value (
  attribute_id {{id_type}} NOT NULL REFERENCES request_category_attribute (id),
  value_key TEXT NOT NULL,
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (attribute_id, value_key)
);
CREATE TABLE request_attribute (
  request_id {{id_type}} NOT NULL REFERENCES request (id),
  code TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (request_id, code)
);

INSERT INTO role (name, display_name, duty, builtin) VALUES ('open311_partner', 'Open311 对接系统', 'staff', 1);
INSERT INTO role_permission (role, permission) VALUES
  ('open311_partner', 'org:read'), ('open311_partner', 'request:read'), ('open311_partner', 'request:intake'),
  ('city_admin', 'open311:manage');

-- The shipped attributes: what a handler needs before going out.
INSERT INTO request_category_attribute (category_id, code, datatype, required, description, datatype_description, sort_order)
  SELECT id, 'NOISE_TIME', 'singlevaluelist', 1, '噪声主要出现在什么时段？', '', 1 FROM request_category WHERE code = '01.01.01';
INSERT INTO request_category_attribute (category_id, code, datatype, required, description, datatype_description, sort_order)
  SELECT id, 'ROOM_TEMP', 'number', 1, '实测室内温度（摄氏度）', '如 16.5', 1 FROM request_category WHERE code = '04.01.01';
INSERT INTO request_category_attribute (category_id, code, datatype, required, description, datatype_description, sort_order)
  SELECT id, 'LIFT_NO', 'string', 1, '电梯注册代码或楼栋单元号', '电梯轿厢内铭牌上的20位注册代码，或"3号楼2单元"', 1 FROM request_category WHERE code = '07.01.01';
INSERT INTO request_category_attribute (category_id, code, datatype, required, description, datatype_description, sort_order)
  SELECT id, 'TRAPPED', 'number', 1, '被困人数', '', 2 FROM request_category WHERE code = '07.01.01';
INSERT INTO request_category_attribute (category_id, code, datatype, required, description, datatype_description, sort_order)
  SELECT id, 'OUTAGE_SINCE', 'datetime', 0, '停水开始时间', 'ISO 8601，如 2026-12-01T08:00:00+08:00', 1 FROM request_category WHERE code = '05.01.01';
INSERT INTO request_category_attribute_value (attribute_id, value_key, name, sort_order)
  SELECT id, 'day', '白天（6:00–22:00）', 1 FROM request_category_attribute WHERE code = 'NOISE_TIME';
INSERT INTO request_category_attribute_value (attribute_id, value_key, name, sort_order)
  SELECT id, 'night', '夜间（22:00–次日6:00）', 2 FROM request_category_attribute WHERE code = 'NOISE_TIME';
INSERT INTO request_category_attribute_value (attribute_id, value_key, name, sort_order)
  SELECT id, 'both', '全天', 3 FROM request_category_attribute WHERE code = 'NOISE_TIME';
