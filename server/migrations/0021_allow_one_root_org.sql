-- The org tree has one root: the deployment's city (or province). Searching "anywhere" scopes to
-- the subtree of the first id on the actor's path, which is the whole tree only when no second
-- org without a parent can exist.
CREATE UNIQUE INDEX org_one_root ON org ((parent_id IS NULL)) WHERE parent_id IS NULL;
