-- Dual reporting (双报到): unit Party orgs report to the community they sit in (报到单, with the
-- community's dated receipt); in-service members (在职党员) report to the community where they live,
-- at most one at a time, moving being a transfer that ends one dated row and starts the next (rows
-- are never overwritten). Communities publish service posts in common categories (data), members
-- sign up, and the community records who served and how many hours. Quarterly feedback sheets
-- (服务登记卡) go to each member's own Party org; the community evaluates each reported member and
-- unit once a year. Two-way evaluation (双向评价): once a year each community and each reported unit
-- rate each other on items kept as data.

CREATE TABLE unit_check_in (
  id {{id_column}},
  unit_id {{id_type}} NOT NULL REFERENCES unit (id),
  -- The unit's Party org (own or joint branch) that reports, and the community it reports to.
  party_org_id {{id_type}} NOT NULL REFERENCES org (id),
  community_id {{id_type}} NOT NULL REFERENCES org (id),
  reported_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  reported_by {{id_type}} NOT NULL REFERENCES user_account (id),
  reported_at BIGINT NOT NULL,
  received_on TEXT,
  received_by {{id_type}} REFERENCES user_account (id),
  received_at BIGINT,
  ended_on TEXT
);
CREATE INDEX unit_check_in_community ON unit_check_in (community_id, reported_on);
-- One running check-in per unit.
CREATE UNIQUE INDEX unit_check_in_running ON unit_check_in (unit_id) WHERE ended_on IS NULL;

CREATE TABLE member_check_in (
  id {{id_column}},
  member_id {{id_type}} NOT NULL REFERENCES member (id),
  community_id {{id_type}} NOT NULL REFERENCES org (id),
  reported_on TEXT NOT NULL,
  -- A transfer ends the previous row on the day of the new one and links it.
  ended_on TEXT,
  previous_id {{id_type}} REFERENCES member_check_in (id),
  recorded_by {{id_type}} NOT NULL REFERENCES user_account (id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX member_check_in_community ON member_check_in (community_id, ended_on);
CREATE INDEX member_check_in_member ON member_check_in (member_id, reported_on);
-- At most one residential community at a time.
CREATE UNIQUE INDEX member_check_in_running ON member_check_in (member_id) WHERE ended_on IS NULL;

-- The common service categories (政策宣讲, 环境整治 …): data, so that a deployment can add its own.
CREATE TABLE service_category (
  id {{id_column}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO service_category (code, name, sort_order) VALUES
  ('policy_outreach', '政策宣讲', 1),
  ('civility', '文明创建', 2),
  ('public_safety', '平安建设', 3),
  ('environment', '环境整治', 4),
  ('care', '关爱帮扶', 5),
  ('culture_sports', '文体活动', 6),
  ('convenience', '便民服务', 7),
  ('mediation', '矛盾调解', 8);

CREATE TABLE service_post (
  id {{id_column}},
  community_id {{id_type}} NOT NULL REFERENCES org (id),
  category_id {{id_type}} NOT NULL REFERENCES service_category (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  headcount INTEGER NOT NULL CHECK (headcount > 0),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
  -- Kept with each sign-up, so that a list shows how full a post is without counting.
  signed_up INTEGER NOT NULL DEFAULT 0,
  published_by {{id_type}} NOT NULL REFERENCES user_account (id),
  published_at BIGINT NOT NULL
);
CREATE INDEX service_post_community ON service_post (community_id, starts_on);

CREATE TABLE service_sign_up (
  id {{id_column}},
  post_id {{id_type}} NOT NULL REFERENCES service_post (id),
  check_in_id {{id_type}} NOT NULL REFERENCES member_check_in (id),
  member_id {{id_type}} NOT NULL REFERENCES member (id),
  signed_up_on TEXT NOT NULL,
  recorded_by {{id_type}} NOT NULL REFERENCES user_account (id),
  recorded_at BIGINT NOT NULL,
  UNIQUE (post_id, member_id)
);
CREATE INDEX service_sign_up_member ON service_sign_up (member_id);

-- Hours are recorded by the community (never self check-in), in minutes.
CREATE TABLE service_hours (
  id {{id_column}},
  post_id {{id_type}} NOT NULL REFERENCES service_post (id),
  sign_up_id {{id_type}} NOT NULL REFERENCES service_sign_up (id),
  member_id {{id_type}} NOT NULL REFERENCES member (id),
  community_id {{id_type}} NOT NULL REFERENCES org (id),
  served_on TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes > 0),
  recorded_by {{id_type}} NOT NULL REFERENCES user_account (id),
  recorded_at BIGINT NOT NULL,
  UNIQUE (sign_up_id, served_on)
);
CREATE INDEX service_hours_member ON service_hours (member_id, served_on);
CREATE INDEX service_hours_post ON service_hours (post_id, served_on);

-- One feedback sheet (服务登记卡) per member and quarter, to the member's own Party org: the
-- quarter's hours as counted when it was generated (generated again on demand, it is refreshed).
CREATE TABLE feedback_sheet (
  id {{id_column}},
  member_id {{id_type}} NOT NULL REFERENCES member (id),
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  employer_org_id {{id_type}} NOT NULL REFERENCES org (id),
  community_id {{id_type}} NOT NULL REFERENCES org (id),
  sessions INTEGER NOT NULL,
  minutes INTEGER NOT NULL,
  generated_at BIGINT NOT NULL,
  UNIQUE (member_id, year, quarter)
);
CREATE INDEX feedback_sheet_employer ON feedback_sheet (employer_org_id, year, quarter);
CREATE INDEX feedback_sheet_community ON feedback_sheet (community_id, year, quarter);
-- The quarters the sweep has sent, so that it sends each once.
CREATE TABLE feedback_run (
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL,
  sent_at BIGINT NOT NULL,
  sheets BIGINT NOT NULL,
  PRIMARY KEY (year, quarter)
);

-- The community's yearly evaluation of a reported member or unit, for the employer's 民主评议.
CREATE TABLE check_in_evaluation (
  id {{id_column}},
  year INTEGER NOT NULL,
  community_id {{id_type}} NOT NULL REFERENCES org (id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('member', 'unit')),
  member_id {{id_type}} REFERENCES member (id),
  unit_id {{id_type}} REFERENCES unit (id),
  -- The member's own Party org, or the unit's Party org: who reads it.
  subject_org_id {{id_type}} NOT NULL REFERENCES org (id),
  grade TEXT NOT NULL CHECK (grade IN ('excellent', 'good', 'fair', 'poor')),
  comment TEXT NOT NULL DEFAULT '',
  evaluated_by {{id_type}} NOT NULL REFERENCES user_account (id),
  evaluated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX check_in_evaluation_member ON check_in_evaluation (year, community_id, member_id)
  WHERE member_id IS NOT NULL;
CREATE UNIQUE INDEX check_in_evaluation_unit ON check_in_evaluation (year, community_id, unit_id)
  WHERE unit_id IS NOT NULL;
CREATE INDEX check_in_evaluation_subject_org ON check_in_evaluation (subject_org_id, year);

-- Two-way evaluation: the items each side rates (data), and one rating per pair, direction and year.
CREATE TABLE evaluation_item (
  id {{id_column}},
  direction TEXT NOT NULL CHECK (direction IN ('community_to_unit', 'unit_to_community')),
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1
);
INSERT INTO evaluation_item (direction, name, sort_order) VALUES
  ('community_to_unit', '参与社区活动', 1),
  ('community_to_unit', '资源共享', 2),
  ('community_to_unit', '履行共建承诺', 3),
  ('community_to_unit', '在职党员作用发挥', 4),
  ('unit_to_community', '服务对接', 1),
  ('unit_to_community', '需求回应', 2),
  ('unit_to_community', '活动组织', 3),
  ('unit_to_community', '沟通联络', 4);

CREATE TABLE mutual_evaluation (
  id {{id_column}},
  year INTEGER NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('community_to_unit', 'unit_to_community')),
  community_id {{id_type}} NOT NULL REFERENCES org (id),
  unit_id {{id_type}} NOT NULL REFERENCES unit (id),
  rater_org_id {{id_type}} NOT NULL REFERENCES org (id),
  ratee_org_id {{id_type}} NOT NULL REFERENCES org (id),
  comment TEXT NOT NULL DEFAULT '',
  rated_by {{id_type}} NOT NULL REFERENCES user_account (id),
  rated_at BIGINT NOT NULL,
  UNIQUE (year, direction, community_id, unit_id)
);
CREATE INDEX mutual_evaluation_rater ON mutual_evaluation (rater_org_id, year);
CREATE INDEX mutual_evaluation_ratee ON mutual_evaluation (ratee_org_id, year);

CREATE TABLE mutual_evaluation_score (
  evaluation_id {{id_type}} NOT NULL REFERENCES mutual_evaluation (id),
  item_id {{id_type}} NOT NULL REFERENCES evaluation_item (id),
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  PRIMARY KEY (evaluation_id, item_id)
);

INSERT INTO role_permission (role, permission) VALUES
  ('city_admin', 'check_in:read'), ('district_admin', 'check_in:read'),
  ('street_admin', 'check_in:read'), ('street_admin', 'check_in:write'),
  ('community_admin', 'check_in:read'), ('community_admin', 'check_in:write');

-- The inbox kind "feedback_sheet" needs no change of the table: migration 0024 left kinds to the code.
