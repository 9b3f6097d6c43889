-- Co-building agreements (共建协议): a street or community Party org and one or more resident
-- units of its territory, each with its responsible head and liaison (联络员); a term; typed
-- commitment lines; quarterly written reports by each unit party. Facts are kept with their dates
-- (reports with due and filed dates, deliveries of commitments) so that an agreement's fulfilment
-- can be computed as of any day.
CREATE TABLE agreement (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  title TEXT NOT NULL,
  org_head TEXT NOT NULL,
  org_liaison TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  start_on TEXT NOT NULL,
  end_on TEXT NOT NULL CHECK (end_on >= start_on),
  predecessor_id {{id_type}} REFERENCES agreement (id),
  terminated_on TEXT,
  termination_reason TEXT,
  -- Kept with each filing and termination, so that a list finds the late agreements without
  -- reading their reports: reports filed after their due date, and the earliest due date of a
  -- report not filed (late once today is past it). Reports after a termination do not count.
  late_filed_reports INTEGER NOT NULL DEFAULT 0,
  first_unfiled_due_on TEXT,
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX agreement_org ON agreement (org_id, end_on);
-- Agreements belong to streets and communities only: a subtree's are found through its streets and
-- communities (~5,300 on the megacity) rather than through all its ~100,000 orgs.
CREATE INDEX org_level_path ON org (level, path);
-- An agreement is renewed at most once: the renewal links it.
CREATE UNIQUE INDEX agreement_predecessor ON agreement (predecessor_id);

CREATE TABLE agreement_party (
  id {{id_column}},
  agreement_id {{id_type}} NOT NULL REFERENCES agreement (id),
  unit_id {{id_type}} NOT NULL REFERENCES unit (id),
  head TEXT NOT NULL,
  liaison TEXT NOT NULL,
  UNIQUE (agreement_id, unit_id)
);
CREATE INDEX agreement_party_unit ON agreement_party (unit_id);

-- quantity per rhythm period (once: over the whole term); funds in fen.
CREATE TABLE agreement_commitment (
  id {{id_column}},
  agreement_id {{id_type}} NOT NULL REFERENCES agreement (id),
  kind TEXT NOT NULL CHECK (kind IN ('venue', 'funds', 'volunteer_team', 'service', 'paired_households',
                                     'suggestions')),
  description TEXT NOT NULL,
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  rhythm TEXT NOT NULL CHECK (rhythm IN ('once', 'monthly', 'quarterly', 'yearly')),
  sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agreement_commitment_agreement ON agreement_commitment (agreement_id, sort_order);

CREATE TABLE commitment_delivery (
  id {{id_column}},
  commitment_id {{id_type}} NOT NULL REFERENCES agreement_commitment (id),
  delivered_on TEXT NOT NULL,
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  text TEXT NOT NULL,
  recorded_by {{id_type}} NOT NULL REFERENCES user_account (id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX commitment_delivery_commitment ON commitment_delivery (commitment_id, delivered_on);

-- One row per unit party and quarter of the term, made with the agreement: the period it covers,
-- when it is due, and once filed, what was written, on which China date and by whom.
CREATE TABLE agreement_report (
  id {{id_column}},
  agreement_id {{id_type}} NOT NULL REFERENCES agreement (id),
  party_id {{id_type}} NOT NULL REFERENCES agreement_party (id),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  due_on TEXT NOT NULL,
  text TEXT,
  filed_on TEXT,
  filed_at BIGINT,
  filed_by {{id_type}} REFERENCES user_account (id),
  reminded_at BIGINT,
  UNIQUE (party_id, period_start)
);
CREATE INDEX agreement_report_agreement ON agreement_report (agreement_id, due_on);
-- The sweep's reminders: reports not filed and not yet reminded, by due date.
CREATE INDEX agreement_report_to_remind ON agreement_report (due_on) WHERE filed_at IS NULL AND reminded_at IS NULL;

INSERT INTO role_permission (role, permission) VALUES
  ('city_admin', 'cobuild:read'), ('district_admin', 'cobuild:read'),
  ('street_admin', 'cobuild:read'), ('street_admin', 'cobuild:write'), ('street_admin', 'cobuild:report'),
  ('community_admin', 'cobuild:read'), ('community_admin', 'cobuild:write'), ('community_admin', 'cobuild:report');

-- The inbox kind "agreement" needs no change of the table: migration 0024 left kinds to the code.
