-- The organisation tree. `path` holds the ids from the root, like '/1/17/230/': a subtree is one
-- range scan (path >= '/1/17/' AND path < '/1/170'); `depth` is 0 at the root. {{path_type}} is
-- byte-ordered on both databases, whatever the locale. Levels and kinds are data, not columns.
CREATE TABLE org (
  id {{id_column}},
  parent_id {{id_type}} REFERENCES org (id),
  path {{path_type}} NOT NULL,
  level TEXT NOT NULL,
  depth INTEGER NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  archived_at BIGINT
);
CREATE INDEX org_path ON org (path);
CREATE INDEX org_parent_id ON org (parent_id);
