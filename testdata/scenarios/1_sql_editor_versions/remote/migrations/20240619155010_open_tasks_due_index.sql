-- Run in the SQL editor as "open tasks due index".

create index tasks_open_due_at_idx on public.tasks (due_at) where not done;
