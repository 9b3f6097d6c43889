-- The three co-building lists (三张清单) and their matching, and Party–mass service centres with
-- their venues (#15). Needs are raised by streets and communities; resources are offered by units,
-- departments and service centres; projects are what a unit undertakes, often a confirmed match of
-- a need with a resource. Facts carry their dates (matched_on, claimed_on, delivered_on, rated_on)
-- so that every figure can be computed as of any day.

-- The categories of needs, resources and projects, as data.
CREATE TABLE cobuild_category (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);
INSERT INTO cobuild_category (code, name, sort_order) VALUES
  ('elderly', '为老服务', 1), ('youth', '青少年关爱', 2), ('health', '医疗健康', 3), ('culture', '文化活动', 4),
  ('environment', '环境整治', 5), ('employment', '就业帮扶', 6), ('assistance', '困难帮扶', 7),
  ('safety', '平安建设', 8), ('venue', '活动场地', 9), ('education', '党员教育', 10);

-- A Party–mass service centre (党群服务中心) of an org, with its service items and opening hours.
CREATE TABLE service_centre (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  opening_hours TEXT NOT NULL,
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX service_centre_org ON service_centre (org_id);

CREATE TABLE service_item (
  id {{id_column}},
  service_centre_id {{id_type}} NOT NULL REFERENCES service_centre (id),
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);
CREATE INDEX service_item_centre ON service_item (service_centre_id, sort_order);

-- A bookable room or ground: of a service centre or of a unit, listed at an org. Its capacity is
-- listed as a resource (resource.venue_id) when it is made. bookings_made is bumped by every
-- booking: the UPDATE locks the venue's row on PostgreSQL, so that two bookings of one venue
-- check for overlaps one after the other (SQLite writers are serialised already).
CREATE TABLE venue (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  service_centre_id {{id_type}} REFERENCES service_centre (id),
  unit_id {{id_type}} REFERENCES unit (id),
  name TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  opening_hours TEXT NOT NULL,
  bookings_made INTEGER NOT NULL DEFAULT 0,
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX venue_org ON venue (org_id);
CREATE INDEX venue_centre ON venue (service_centre_id);

-- A booking on one China day, from start_time to end_time ("HH:MM"), by an org (for itself or
-- for a unit). Cancelled bookings keep their row.
CREATE TABLE venue_booking (
  id {{id_column}},
  venue_id {{id_type}} NOT NULL REFERENCES venue (id),
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  unit_id {{id_type}} REFERENCES unit (id),
  booked_on TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL CHECK (end_time > start_time),
  title TEXT NOT NULL,
  attendees INTEGER NOT NULL CHECK (attendees > 0),
  cancelled_at BIGINT,
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX venue_booking_day ON venue_booking (venue_id, booked_on, start_time);

-- A resource (资源清单): funds (quantity in fen), a venue (quantity = capacity), talent (quantity
-- = hours, with a headcount) or a service (quantity = times). committed is what confirmed matches
-- took from it (venues are booked, never used up). Listed at an org (org_id: where it is found in
-- the tree), offered by a unit or a service centre or the org itself; valid from/to.
CREATE TABLE resource (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  unit_id {{id_type}} REFERENCES unit (id),
  service_centre_id {{id_type}} REFERENCES service_centre (id),
  venue_id {{id_type}} REFERENCES venue (id),
  resource_kind TEXT NOT NULL CHECK (resource_kind IN ('funds', 'venue', 'talent', 'service')),
  category TEXT NOT NULL REFERENCES cobuild_category (code),
  tags TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  headcount INTEGER NOT NULL DEFAULT 0,
  committed BIGINT NOT NULL DEFAULT 0 CHECK (committed >= 0),
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL CHECK (valid_to >= valid_from),
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
-- Matching reads the valid resources of one category, then keeps those of the need's lineage.
CREATE INDEX resource_category ON resource (category, valid_to);
CREATE INDEX resource_org ON resource (org_id, id);
CREATE UNIQUE INDEX resource_venue ON resource (venue_id);

-- The orgs a resource serves besides the one it is listed at.
CREATE TABLE resource_served_org (
  resource_id {{id_type}} NOT NULL REFERENCES resource (id),
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  PRIMARY KEY (resource_id, org_id)
);

-- A project (项目清单) undertaken by a unit (or a service centre's org) for an org; active until
-- the beneficiaries' rating closes it.
CREATE TABLE project (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  unit_id {{id_type}} REFERENCES unit (id),
  resource_id {{id_type}} REFERENCES resource (id),
  category TEXT NOT NULL REFERENCES cobuild_category (code),
  tags TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  budget BIGINT NOT NULL CHECK (budget >= 0),
  owners TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
  status TEXT NOT NULL CHECK (status IN ('active', 'closed')),
  people_served INTEGER NOT NULL DEFAULT 0,
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  rating_comment TEXT,
  rated_on TEXT,
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX project_org ON project (org_id, id);
CREATE INDEX project_category ON project (category, status, ends_on);

CREATE TABLE project_milestone (
  id {{id_column}},
  project_id {{id_type}} NOT NULL REFERENCES project (id),
  title TEXT NOT NULL,
  due_on TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);
CREATE INDEX project_milestone_project ON project_milestone (project_id, sort_order);

CREATE TABLE project_delivery (
  id {{id_column}},
  project_id {{id_type}} NOT NULL REFERENCES project (id),
  delivered_on TEXT NOT NULL,
  text TEXT NOT NULL,
  people_served INTEGER NOT NULL CHECK (people_served >= 0),
  recorded_by {{id_type}} NOT NULL REFERENCES user_account (id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX project_delivery_project ON project_delivery (project_id, delivered_on);

-- A need (需求清单) of a street or community; a micro-wish (微心愿) is a light need that one unit
-- claims whole. tags are kept as ",tag,tag," so that one LIKE finds a tag.
CREATE TABLE need (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  need_kind TEXT NOT NULL CHECK (need_kind IN ('need', 'micro_wish')),
  category TEXT NOT NULL REFERENCES cobuild_category (code),
  tags TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  beneficiaries TEXT NOT NULL,
  beneficiary_count INTEGER NOT NULL CHECK (beneficiary_count > 0),
  wanted_by TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'matched', 'claimed', 'closed')),
  project_id {{id_type}} REFERENCES project (id),
  matched_on TEXT,
  closed_on TEXT,
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX need_org ON need (org_id, status, id);
CREATE INDEX need_project ON need (project_id);

-- A micro-wish claimed whole by one unit: at most one claim per need.
CREATE TABLE claim (
  id {{id_column}},
  need_id {{id_type}} NOT NULL UNIQUE REFERENCES need (id),
  unit_id {{id_type}} NOT NULL REFERENCES unit (id),
  claimed_on TEXT NOT NULL,
  note TEXT NOT NULL,
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX claim_unit ON claim (unit_id);

-- The street confirms matches; communities and streets raise needs and list resources.
INSERT INTO role_permission (role, permission) VALUES ('street_admin', 'cobuild:match');
