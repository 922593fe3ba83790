-- Run in the SQL editor as "task due dates".

alter table public.tasks add column due_at timestamptz;
