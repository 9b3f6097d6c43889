-- Whistles (街乡吹哨、部门报到) and the streets' power acts (处置权、建议权、参与权、督办权、人事任免建议权)
-- towards the agencies that serve them (agency and agency_street, from 0023). Every step keeps its
-- date, so that counts, lateness, outcomes and ratings per agency are computable as of any day.

-- The three types of whistle, with how long a summoned agency has to arrive (configurable).
CREATE TABLE whistle_type (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  arrival_minutes INTEGER NOT NULL CHECK (arrival_minutes > 0 AND arrival_minutes <= 1440),
  sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO whistle_type (code, name, arrival_minutes, sort_order) VALUES
  ('beyond_means', '街道难以解决的问题', 30, 1),
  ('enforcement', '综合执法', 30, 2),
  ('emergency', '应急处置', 30, 3);

-- The band of a street's whistle rate (whistles per 10,000 residents per month): below `low` it
-- whistles too little (problems kept in the street), above `high` too much. One row; configurable.
CREATE TABLE whistle_rate_band (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  low_per_10k DOUBLE PRECISION NOT NULL CHECK (low_per_10k >= 0),
  high_per_10k DOUBLE PRECISION NOT NULL,
  updated_at BIGINT,
  CHECK (high_per_10k > low_per_10k)
);
INSERT INTO whistle_rate_band (id, low_per_10k, high_per_10k) VALUES (1, 0.2, 2.0);

-- Residents of a street as counted on a day: the denominator of its whistle rate as of that day.
CREATE TABLE street_population (
  street_org_id {{id_type}} NOT NULL REFERENCES org (id),
  counted_on TEXT NOT NULL,
  residents BIGINT NOT NULL CHECK (residents > 0),
  PRIMARY KEY (street_org_id, counted_on)
);

-- A whistle of a street. state: awaiting_sign_off (the principal leader has not signed yet),
-- dispatched (the agencies are summoned; open), closed. An emergency is dispatched at once and
-- signed after (signed_after_dispatch). blown_month: the China month it counts in.
CREATE TABLE whistle (
  id {{id_column}},
  street_org_id {{id_type}} NOT NULL REFERENCES org (id),
  type TEXT NOT NULL REFERENCES whistle_type (code),
  source TEXT NOT NULL CHECK (source IN ('hotline', 'grid_patrol', 'resident_council', 'petition', 'city_platform')),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('awaiting_sign_off', 'dispatched', 'closed')),
  blown_at BIGINT NOT NULL,
  blown_month TEXT NOT NULL,
  blown_by {{id_type}} REFERENCES user_account (id),
  signed_off_at BIGINT,
  signed_off_by {{id_type}} REFERENCES user_account (id),
  signed_after_dispatch INTEGER NOT NULL DEFAULT 0,
  dispatched_at BIGINT,
  closed_at BIGINT,
  closing_text TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL
);
CREATE INDEX whistle_street ON whistle (street_org_id, state, blown_at);
CREATE INDEX whistle_month ON whistle (blown_month, street_org_id);

-- Each summoned agency's part (whistle_response): its arrival deadline (set at dispatch), arrival,
-- handling, completion, and the street's rating of it (1–5) once the whistle is closed.
CREATE TABLE whistle_response (
  id {{id_column}},
  whistle_id {{id_type}} NOT NULL REFERENCES whistle (id),
  agency_org_id {{id_type}} NOT NULL REFERENCES org (id),
  arrival_due BIGINT,
  arrived_at BIGINT,
  arrival_text TEXT NOT NULL DEFAULT '',
  completed_at BIGINT,
  completion_text TEXT NOT NULL DEFAULT '',
  score INTEGER CHECK (score BETWEEN 1 AND 5),
  rating_comment TEXT NOT NULL DEFAULT '',
  rated_at BIGINT,
  rated_by {{id_type}} REFERENCES user_account (id),
  UNIQUE (whistle_id, agency_org_id)
);
CREATE INDEX whistle_response_agency ON whistle_response (agency_org_id, whistle_id);

-- Every step of a whistle: blown, signed_off, dispatched, arrived, handled, completed, closed, rated.
CREATE TABLE whistle_step (
  id {{id_column}},
  whistle_id {{id_type}} NOT NULL REFERENCES whistle (id),
  kind TEXT NOT NULL,
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  user_id {{id_type}} REFERENCES user_account (id),
  target_org_id {{id_type}} REFERENCES org (id),
  text TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL
);
CREATE INDEX whistle_step_whistle ON whistle_step (whistle_id, id);

-- A street's exercise of one of its five powers towards an agency serving it. state:
-- awaiting_answer, answered, concluded (with an outcome). personnel_recommendation acts are
-- confidential: read only with power:personnel.
CREATE TABLE power_act (
  id {{id_column}},
  street_org_id {{id_type}} NOT NULL REFERENCES org (id),
  agency_org_id {{id_type}} NOT NULL REFERENCES org (id),
  power TEXT NOT NULL CHECK (power IN ('disposal', 'recommendation', 'participation', 'supervision',
                                        'personnel_recommendation')),
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('awaiting_answer', 'answered', 'concluded')),
  acted_at BIGINT NOT NULL,
  acted_by {{id_type}} REFERENCES user_account (id),
  response_due TEXT NOT NULL,
  response_due_at BIGINT NOT NULL,  -- the end of that China day
  answered_at BIGINT,
  answer TEXT NOT NULL DEFAULT '',
  outcome TEXT CHECK (outcome IN ('adopted', 'partly_adopted', 'not_adopted')),
  outcome_text TEXT NOT NULL DEFAULT '',
  concluded_at BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX power_act_street ON power_act (street_org_id, acted_at);
CREATE INDEX power_act_agency ON power_act (agency_org_id, acted_at);

-- The history of a power act: acted, answered, concluded.
CREATE TABLE power_act_step (
  id {{id_column}},
  power_act_id {{id_type}} NOT NULL REFERENCES power_act (id),
  kind TEXT NOT NULL,
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  user_id {{id_type}} REFERENCES user_account (id),
  text TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL
);
CREATE INDEX power_act_step_act ON power_act_step (power_act_id, id);

-- Streets blow whistles (their principal leader signs them off) and exercise their powers; the
-- agencies arrive, handle and answer; the districts and the city read; the city sets the arrival
-- times and the rate band.
INSERT INTO role_permission (role, permission) VALUES
  ('street_admin', 'whistle:read'), ('street_admin', 'whistle:blow'), ('street_admin', 'whistle:sign'),
  ('street_admin', 'power:read'), ('street_admin', 'power:act'), ('street_admin', 'power:personnel'),
  ('agency_staff', 'whistle:read'), ('agency_staff', 'whistle:respond'),
  ('agency_staff', 'power:read'), ('agency_staff', 'power:answer'),
  ('district_admin', 'whistle:read'), ('district_admin', 'power:read'),
  ('city_admin', 'whistle:read'), ('city_admin', 'whistle:configure'), ('city_admin', 'power:read'),
  ('city_admin', 'power:personnel');
