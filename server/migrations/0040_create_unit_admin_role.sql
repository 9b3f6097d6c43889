-- The unit liaison's own login (#15): a builtin role for the users of a resident unit's Party org
-- (its own branch, level "unit"). Such a user sees the co-building agreements its unit is a party
-- to and files its unit's quarterly reports itself; receives reminders, feedback sheets and tasks in
-- its inbox; keeps its branch's members; and rates the communities its unit reported to. It signs
-- nothing and records nothing for a street or community.
INSERT INTO role (name, display_name, duty, builtin) VALUES ('unit_admin', '驻区单位党组织', 'staff', 1);
INSERT INTO role_permission (role, permission) VALUES
  ('unit_admin', 'org:read'), ('unit_admin', 'member:read'), ('unit_admin', 'member:write'),
  ('unit_admin', 'notification:read'), ('unit_admin', 'bulletin:read'),
  ('unit_admin', 'task:read'), ('unit_admin', 'task:report'),
  ('unit_admin', 'cobuild:read'), ('unit_admin', 'cobuild:report'),
  ('unit_admin', 'check_in:read'), ('unit_admin', 'check_in:write');
-- A unit Party org's agreements are found through its units.
CREATE INDEX unit_own_org ON unit (own_org_id);
