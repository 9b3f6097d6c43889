-- The responsibility system (责任体系): duty lists, tasks that cascade level by level with
-- progress reports and their review, evidence files, supervision with rectification and
-- follow-up, accountability records, bulletins and the in-app inbox.

-- The departments that own duty items: data, so that a city adds its own.
CREATE TABLE department (
  id {{id_column}},
  name TEXT NOT NULL UNIQUE,
  sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO department (name, sort_order) VALUES
  ('组织部门', 1), ('宣传部门', 2), ('人力资源和社会保障部门', 3), ('民政部门', 4), ('财政部门', 5),
  ('政法部门', 6), ('工会', 7), ('共青团', 8), ('妇联', 9);

-- 责任清单: an item written by an org binds the orgs of `level` in that org's subtree, for a year.
CREATE TABLE duty_item (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  year INTEGER NOT NULL,
  level TEXT NOT NULL,
  responsibility_kind TEXT NOT NULL CHECK (responsibility_kind IN ('principal', 'first', 'direct', 'executing')),
  description TEXT NOT NULL,
  department_id {{id_type}} NOT NULL REFERENCES department (id),
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX duty_item_year_level ON duty_item (year, level, org_id);

-- A task issued by an org. Its assignments form a tree that follows the org tree: the issuer's
-- own root node, then one node per org it reaches.
CREATE TABLE task (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  deadline TEXT NOT NULL,  -- YYYY-MM-DD, the last day, China time
  weight INTEGER NOT NULL,
  duty_item_id {{id_type}} REFERENCES duty_item (id),
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX task_org ON task (org_id, created_at);

-- One org's part of a task. progress is in basis points (0..10000): a leaf's accepted report, or
-- the weighted mean of its children. state: open, reported (a report awaits review), returned
-- (the last report came back), done.
CREATE TABLE task_assignment (
  id {{id_column}},
  task_id {{id_type}} NOT NULL REFERENCES task (id),
  parent_id {{id_type}} REFERENCES task_assignment (id),
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  deadline TEXT NOT NULL,
  weight INTEGER NOT NULL DEFAULT 1,
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 10000),
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'reported', 'returned', 'done')),
  child_count INTEGER NOT NULL DEFAULT 0,
  completed_at BIGINT,
  completed_on TEXT,  -- the China date of completed_at, compared with the deadline
  overdue_notified_at BIGINT,
  escalated_at BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (task_id, org_id)
);
CREATE INDEX task_assignment_parent ON task_assignment (parent_id);
CREATE INDEX task_assignment_org ON task_assignment (org_id, deadline);
CREATE INDEX task_assignment_due ON task_assignment (deadline) WHERE completed_at IS NULL;

CREATE TABLE progress_report (
  id {{id_column}},
  assignment_id {{id_type}} NOT NULL REFERENCES task_assignment (id),
  percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
  text TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'returned')),
  reported_by {{id_type}} NOT NULL REFERENCES user_account (id),
  reported_at BIGINT NOT NULL,
  reviewed_by {{id_type}} REFERENCES user_account (id),
  reviewed_at BIGINT,
  review_reason TEXT
);
CREATE INDEX progress_report_assignment ON progress_report (assignment_id, id);
CREATE INDEX progress_report_pending ON progress_report (state, assignment_id);

-- The history of a node, shown as its timeline: assigned, decomposed, reported, accepted,
-- returned, overdue, escalated.
CREATE TABLE task_event (
  id {{id_column}},
  assignment_id {{id_type}} NOT NULL REFERENCES task_assignment (id),
  kind TEXT NOT NULL,
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  user_id {{id_type}} REFERENCES user_account (id),
  report_id {{id_type}} REFERENCES progress_report (id),
  text TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL
);
CREATE INDEX task_event_assignment ON task_event (assignment_id, id);

-- 督促检查 / 督办: from an org to a lower org about a task node or a duty item. state: open
-- (awaiting rectification), answered (a rectification awaits verification), closed (verified).
CREATE TABLE supervision (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  target_org_id {{id_type}} NOT NULL REFERENCES org (id),
  assignment_id {{id_type}} REFERENCES task_assignment (id),
  duty_item_id {{id_type}} REFERENCES duty_item (id),
  title TEXT NOT NULL,
  requirement TEXT NOT NULL,
  deadline TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'answered', 'closed')),
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL,
  closed_at BIGINT
);
CREATE INDEX supervision_org ON supervision (org_id, created_at);
CREATE INDEX supervision_target ON supervision (target_org_id, created_at);

-- issued, rectification (整改), verified, returned, follow_up (跟踪问效).
CREATE TABLE supervision_event (
  id {{id_column}},
  supervision_id {{id_type}} NOT NULL REFERENCES supervision (id),
  kind TEXT NOT NULL,
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  user_id {{id_type}} REFERENCES user_account (id),
  text TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL
);
CREATE INDEX supervision_event_supervision ON supervision_event (supervision_id, id);

-- Evidence files: stored outside the web root under server-generated names. org_id is the org
-- whose part they document; whoever sees that org's records may download them.
CREATE TABLE attachment (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  assignment_id {{id_type}} REFERENCES task_assignment (id),
  report_id {{id_type}} REFERENCES progress_report (id),
  supervision_id {{id_type}} REFERENCES supervision (id),
  supervision_event_id {{id_type}} REFERENCES supervision_event (id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  stored_name TEXT NOT NULL UNIQUE,
  sm3 TEXT NOT NULL,  -- hex digest of the content
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX attachment_assignment ON attachment (assignment_id);
CREATE INDEX attachment_report ON attachment (report_id);
CREATE INDEX attachment_supervision ON attachment (supervision_id);

-- 问责: linked to the failed item; readable only with accountability:read.
CREATE TABLE accountability (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  target_org_id {{id_type}} NOT NULL REFERENCES org (id),
  assignment_id {{id_type}} REFERENCES task_assignment (id),
  supervision_id {{id_type}} REFERENCES supervision (id),
  duty_item_id {{id_type}} REFERENCES duty_item (id),
  measure TEXT NOT NULL,
  subject TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX accountability_target ON accountability (target_org_id);

-- 情况通报 for an org's subtree and a period. figures is the JSON computed from the records as of
-- as_of; the drill-downs re-run the same rules at as_of.
CREATE TABLE bulletin (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  title TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  as_of BIGINT NOT NULL,
  figures TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published')),
  created_by {{id_type}} NOT NULL REFERENCES user_account (id),
  created_at BIGINT NOT NULL,
  published_at BIGINT
);
CREATE INDEX bulletin_org ON bulletin (org_id, created_at);

-- The in-app inbox: a notification goes to an org; each user of it reads it on their own.
CREATE TABLE notification (
  id {{id_column}},
  org_id {{id_type}} NOT NULL REFERENCES org (id),
  kind TEXT NOT NULL CHECK (kind IN ('assigned', 'reported', 'returned', 'accepted', 'overdue', 'escalated',
                                     'supervision', 'bulletin')),
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX notification_org ON notification (org_id, id);
CREATE TABLE notification_read (
  notification_id {{id_type}} NOT NULL REFERENCES notification (id),
  user_id {{id_type}} NOT NULL REFERENCES user_account (id),
  read_at BIGINT NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);
CREATE INDEX notification_read_user ON notification_read (user_id, notification_id);

INSERT INTO role_permission (role, permission) VALUES
  ('city_admin', 'duty:read'), ('city_admin', 'duty:write'), ('city_admin', 'task:read'),
  ('city_admin', 'task:assign'), ('city_admin', 'task:report'), ('city_admin', 'task:review'),
  ('city_admin', 'supervision:write'), ('city_admin', 'accountability:read'),
  ('city_admin', 'accountability:write'), ('city_admin', 'bulletin:read'), ('city_admin', 'bulletin:write'),
  ('city_admin', 'notification:read'),
  ('district_admin', 'duty:read'), ('district_admin', 'duty:write'), ('district_admin', 'task:read'),
  ('district_admin', 'task:assign'), ('district_admin', 'task:report'), ('district_admin', 'task:review'),
  ('district_admin', 'supervision:write'), ('district_admin', 'accountability:read'),
  ('district_admin', 'accountability:write'), ('district_admin', 'bulletin:read'),
  ('district_admin', 'bulletin:write'), ('district_admin', 'notification:read'),
  ('street_admin', 'duty:read'), ('street_admin', 'task:read'), ('street_admin', 'task:assign'),
  ('street_admin', 'task:report'), ('street_admin', 'task:review'), ('street_admin', 'supervision:write'),
  ('street_admin', 'bulletin:read'), ('street_admin', 'bulletin:write'), ('street_admin', 'notification:read'),
  ('community_admin', 'duty:read'), ('community_admin', 'task:read'), ('community_admin', 'task:assign'),
  ('community_admin', 'task:report'), ('community_admin', 'task:review'), ('community_admin', 'bulletin:read'),
  ('community_admin', 'notification:read');
