-- The community workforce, second part (#17): qualifications with the allowance each brings,
-- layered training (courses, required hours, completion records), grassroots guarantees per
-- community and year, staffing norms as data, establishment quotas per street, and the department
-- owning each part with the permission that follows from it.

-- Which department owns which part of the workforce, and the permission that part needs to write.
CREATE TABLE workforce_owner (
  part TEXT PRIMARY KEY,
  department TEXT NOT NULL CHECK (department IN ('hr', 'finance', 'civil_affairs', 'organisation')),
  permission TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);
INSERT INTO workforce_owner (part, department, permission, sort_order) VALUES
  ('grades_pay', 'hr', 'workforce:manage', 1),
  ('appraisals', 'organisation', 'workforce:appraise', 2),
  ('qualifications', 'civil_affairs', 'workforce:qualify', 3),
  ('training', 'organisation', 'workforce:train', 4),
  ('staffing_norms', 'civil_affairs', 'workforce:staff', 5),
  ('funds', 'finance', 'workforce:fund', 6),
  ('establishment_quotas', 'organisation', 'workforce:staff', 7);

-- Qualifications as data (助理社会工作师, 社会工作师, …): the monthly allowance each brings, in fen.
-- A worker with several valid ones is paid the highest allowance among them.
CREATE TABLE qualification (
  id {{id_column}},
  name TEXT NOT NULL UNIQUE,
  allowance BIGINT NOT NULL,
  sort_order INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
INSERT INTO qualification (name, allowance, sort_order, created_at, updated_at) VALUES
  ('助理社会工作师', 20000, 1, 0, 0),
  ('社会工作师', 40000, 2, 0, 0),
  ('高级社会工作师', 60000, 3, 0, 0),
  ('心理咨询师', 10000, 4, 0, 0),
  ('法律职业资格', 10000, 5, 0, 0);

-- A worker's qualifications, each with its issue and (when it has one) expiry date.
CREATE TABLE worker_qualification (
  id {{id_column}},
  worker_id {{id_type}} NOT NULL REFERENCES worker (id),
  qualification_id {{id_type}} NOT NULL REFERENCES qualification (id),
  issued_on TEXT NOT NULL,
  expires_on TEXT,
  entered_by {{id_type}} REFERENCES user_account (id),
  created_at BIGINT NOT NULL,
  UNIQUE (worker_id, qualification_id, issued_on)
);
CREATE INDEX worker_qualification_expiry ON worker_qualification (expires_on);

-- Training courses, offered by a jurisdiction at its level (分层): the hours one completion gives.
CREATE TABLE course (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  name TEXT NOT NULL,
  hours INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX course_org ON course (org_id);

-- Required training hours per year of a jurisdiction, per post kind and grade band (分级). The
-- nearest jurisdiction on a worker's path with requirements for the year applies.
CREATE TABLE training_requirement (
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  year INTEGER NOT NULL,
  post TEXT NOT NULL,
  min_grade INTEGER NOT NULL,
  max_grade INTEGER NOT NULL,
  hours INTEGER NOT NULL,
  PRIMARY KEY (org_id, year, post, min_grade)
);

-- A worker's completion of a course on a day, with the hours credited.
CREATE TABLE training_record (
  id {{id_column}},
  worker_id {{id_type}} NOT NULL REFERENCES worker (id),
  course_id {{id_type}} NOT NULL REFERENCES course (id),
  completed_on TEXT NOT NULL,
  hours INTEGER NOT NULL,
  entered_by {{id_type}} REFERENCES user_account (id),
  created_at BIGINT NOT NULL,
  UNIQUE (worker_id, course_id, completed_on)
);
CREATE INDEX training_record_worker ON training_record (worker_id, completed_on);

-- Grassroots guarantees (基层基础保障) of a community for a year: size, space in m², funds in fen.
CREATE TABLE community_guarantee (
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  year INTEGER NOT NULL,
  households INTEGER NOT NULL DEFAULT 0,
  population INTEGER NOT NULL DEFAULT 0,
  office_space INTEGER NOT NULL DEFAULT 0,
  service_space INTEGER NOT NULL DEFAULT 0,
  operating_funds BIGINT NOT NULL DEFAULT 0,
  service_funds BIGINT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, year)
);

-- A staffing norm of a jurisdiction from a year on: headcount by households in bands, then one
-- step more per step_households above step_from, at most max_headcount.
CREATE TABLE staffing_norm (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  name TEXT NOT NULL,
  effective_from_year INTEGER NOT NULL,
  step_from INTEGER NOT NULL,
  step_households INTEGER NOT NULL,
  max_headcount INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (org_id, effective_from_year)
);
CREATE TABLE staffing_norm_band (
  norm_id {{id_type}} NOT NULL REFERENCES staffing_norm (id),
  from_households INTEGER NOT NULL,
  headcount INTEGER NOT NULL,
  PRIMARY KEY (norm_id, from_households)
);

-- Establishment quotas of a street for a year (事业编 and others): allotted and used.
CREATE TABLE establishment_quota (
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('public_institution', 'community_post', 'other')),
  allotted INTEGER NOT NULL,
  used INTEGER NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, year, kind)
);

-- The roles that could write workers keep doing what they did: each part's permission goes to them.
INSERT INTO role_permission (role, permission) VALUES
  ('city_admin', 'workforce:appraise'), ('city_admin', 'workforce:qualify'), ('city_admin', 'workforce:train'),
  ('city_admin', 'workforce:staff'), ('city_admin', 'workforce:fund'),
  ('district_admin', 'workforce:appraise'), ('district_admin', 'workforce:qualify'),
  ('district_admin', 'workforce:train'), ('district_admin', 'workforce:staff'), ('district_admin', 'workforce:fund'),
  ('street_admin', 'workforce:appraise'), ('street_admin', 'workforce:qualify'), ('street_admin', 'workforce:train'),
  ('street_admin', 'workforce:staff'), ('street_admin', 'workforce:fund');
