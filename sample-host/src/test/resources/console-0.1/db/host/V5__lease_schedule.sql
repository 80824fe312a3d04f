-- When a scheduled task runs next, kept with its lease so that the node that takes a lease over keeps the
-- task's pace instead of starting it afresh.
ALTER TABLE host_lease ADD COLUMN next_run_at DATETIME(6);
