-- The community workforce (社区工作者职业体系): grade schemes as data per jurisdiction, versioned
-- by the year they take effect, with their pay tables; workers with encrypted identifiers and the
-- timeline of every change; yearly appraisals; yearly regrading runs with one explained proposal
-- per worker.

-- A version of a grade scheme of a jurisdiction (any org; the nearest ancestor's version covering
-- a year applies to a community). Versions of one jurisdiction never overlap in years.
CREATE TABLE grade_scheme (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  name TEXT NOT NULL,
  template TEXT NOT NULL DEFAULT '',
  effective_from_year INTEGER NOT NULL,
  effective_to_year INTEGER,
  step_years INTEGER NOT NULL,
  early_after_excellent INTEGER NOT NULL,
  early_max INTEGER NOT NULL,
  delay_years INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX grade_scheme_org ON grade_scheme (org_id, effective_from_year);

-- The post kinds of a scheme, each with its grade range.
CREATE TABLE grade_scheme_post (
  scheme_id {{id_type}} NOT NULL REFERENCES grade_scheme (id),
  post TEXT NOT NULL,
  name TEXT NOT NULL,
  min_grade INTEGER NOT NULL,
  max_grade INTEGER NOT NULL,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (scheme_id, post)
);

-- Years of service credited for a degree when a worker's starting grade is set.
CREATE TABLE grade_scheme_degree (
  scheme_id {{id_type}} NOT NULL REFERENCES grade_scheme (id),
  degree TEXT NOT NULL,
  credited_years INTEGER NOT NULL,
  PRIMARY KEY (scheme_id, degree)
);

-- The pay table of a scheme version: one cell per (post, grade) of its ranges, money in fen. Base
-- pay comes only from here (同工同酬).
CREATE TABLE pay_cell (
  scheme_id {{id_type}} NOT NULL REFERENCES grade_scheme (id),
  post TEXT NOT NULL,
  grade INTEGER NOT NULL,
  base_pay BIGINT NOT NULL,
  allowance BIGINT NOT NULL,
  PRIMARY KEY (scheme_id, post, grade)
);

-- Community workers. ID numbers and phones as members keep them: encrypted, blind-indexed, masked.
CREATE TABLE worker (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  name TEXT NOT NULL,
  gender TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  id_number_cipher TEXT NOT NULL,
  id_number_index TEXT NOT NULL UNIQUE,
  id_number_masked TEXT NOT NULL,
  phone_cipher TEXT NOT NULL DEFAULT '',
  phone_index TEXT NOT NULL DEFAULT '',
  phone_masked TEXT NOT NULL DEFAULT '',
  post TEXT NOT NULL,
  grade INTEGER NOT NULL,
  grade_since TEXT NOT NULL,
  early_steps_used INTEGER NOT NULL DEFAULT 0,
  service_start TEXT NOT NULL,
  education TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('in_post', 'left', 'retired')),
  member_id {{id_type}} REFERENCES member (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX worker_org ON worker (org_id, id);
CREATE INDEX worker_member ON worker (member_id);

-- Yearly appraisals (年度考核): one per worker-year.
CREATE TABLE appraisal (
  worker_id {{id_type}} NOT NULL REFERENCES worker (id),
  year INTEGER NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('excellent', 'competent', 'basically_competent', 'incompetent')),
  entered_by {{id_type}} REFERENCES user_account (id),
  entered_at BIGINT NOT NULL,
  PRIMARY KEY (worker_id, year)
);

-- A yearly regrading run (定期调岗调级) of a jurisdiction: draft until approved, effective on
-- 1 January of its year; an approved run may be reverted as a whole.
CREATE TABLE regrading_run (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  year INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'reverted')),
  computed_at BIGINT NOT NULL,
  computed_by {{id_type}} REFERENCES user_account (id),
  approved_at BIGINT,
  approved_by {{id_type}} REFERENCES user_account (id),
  reverted_at BIGINT,
  reverted_by {{id_type}} REFERENCES user_account (id),
  revert_reason TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX regrading_run_org ON regrading_run (org_id, year);

-- One proposal per worker of a run, with what it changes and why in words. The from_ columns are
-- what a revert restores.
CREATE TABLE regrading_proposal (
  run_id {{id_type}} NOT NULL REFERENCES regrading_run (id),
  worker_id {{id_type}} NOT NULL REFERENCES worker (id),
  street_id {{id_type}} REFERENCES org (id),
  scheme_id {{id_type}} REFERENCES grade_scheme (id),
  change TEXT NOT NULL CHECK (change IN ('promoted', 'early', 'held')),
  from_grade INTEGER NOT NULL,
  to_grade INTEGER NOT NULL,
  from_grade_since TEXT NOT NULL,
  from_early_steps_used INTEGER NOT NULL,
  explanation TEXT NOT NULL,
  PRIMARY KEY (run_id, worker_id)
);
CREATE INDEX regrading_proposal_street ON regrading_proposal (run_id, street_id, change);
CREATE INDEX regrading_proposal_worker ON regrading_proposal (worker_id);

-- A street's review of its part of a run.
CREATE TABLE regrading_review (
  run_id {{id_type}} NOT NULL REFERENCES regrading_run (id),
  street_id {{id_type}} NOT NULL REFERENCES org (id),
  reviewed_by {{id_type}} REFERENCES user_account (id),
  reviewed_at BIGINT NOT NULL,
  PRIMARY KEY (run_id, street_id)
);

-- Every change of a worker, as a timeline: kind, the day it takes effect, from and to, and for a
-- regrading its run and explanation.
CREATE TABLE worker_event (
  id {{id_column}},
  worker_id {{id_type}} NOT NULL REFERENCES worker (id),
  kind TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  from_value TEXT NOT NULL DEFAULT '',
  to_value TEXT NOT NULL DEFAULT '',
  regrading_run_id {{id_type}} REFERENCES regrading_run (id),
  explanation TEXT NOT NULL DEFAULT '',
  user_id {{id_type}} REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX worker_event_worker ON worker_event (worker_id, id);

INSERT INTO role_permission (role, permission) VALUES
  ('city_admin', 'workforce:read'), ('city_admin', 'workforce:write'), ('city_admin', 'workforce:manage'),
  ('district_admin', 'workforce:read'), ('district_admin', 'workforce:write'), ('district_admin', 'workforce:manage'),
  ('street_admin', 'workforce:read'), ('street_admin', 'workforce:write'),
  ('community_admin', 'workforce:read');
