-- The 已下达 list counts, per task, the nodes that carry it out (below the root, not decomposed
-- further), the done ones and the overdue ones. On the megacity a task has ~5,300 nodes, and
-- looking each up took the list past two seconds a page; this index holds only the executing
-- nodes, by task, with what the counts read, so each count is a seek in it.
CREATE INDEX task_assignment_executing ON task_assignment (task_id, completed_at, deadline)
  WHERE parent_id IS NOT NULL AND child_count = 0;
