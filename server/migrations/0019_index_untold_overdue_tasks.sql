-- The sweep (TaskService::Sweep) looks for late nodes nobody has told yet, in a write transaction.
-- Without these it scanned every node: on the megacity (a million nodes) half a second, twice a
-- minute, holding the write lock while every other write waited. Each index holds only the open
-- nodes not yet told, so a sweep reads a few rows.
CREATE INDEX task_assignment_untold ON task_assignment (deadline)
  WHERE completed_at IS NULL AND parent_id IS NOT NULL AND overdue_notified_at IS NULL;
CREATE INDEX task_assignment_unescalated ON task_assignment (deadline)
  WHERE completed_at IS NULL AND parent_id IS NOT NULL AND escalated_at IS NULL;
