-- The staff roles of the demo and of a new deployment. Every permission is scoped to the user's
-- subtree. Unmasking personal identifiers is for the city and district organisation departments.
INSERT INTO role_permission (role, permission) VALUES
  ('city_admin', 'org:read'), ('city_admin', 'org:write'),
  ('city_admin', 'member:read'), ('city_admin', 'member:write'), ('city_admin', 'member:unmask'),
  ('city_admin', 'unit:read'), ('city_admin', 'unit:write'),
  ('district_admin', 'org:read'), ('district_admin', 'org:write'),
  ('district_admin', 'member:read'), ('district_admin', 'member:write'), ('district_admin', 'member:unmask'),
  ('district_admin', 'unit:read'), ('district_admin', 'unit:write'),
  ('street_admin', 'org:read'), ('street_admin', 'org:write'),
  ('street_admin', 'member:read'), ('street_admin', 'member:write'),
  ('street_admin', 'unit:read'), ('street_admin', 'unit:write'),
  ('community_admin', 'org:read'), ('community_admin', 'org:write'),
  ('community_admin', 'member:read'), ('community_admin', 'member:write'),
  ('community_admin', 'unit:read'), ('community_admin', 'unit:write');
