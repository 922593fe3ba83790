-- Run in the SQL editor as "add task priority".

alter table public.tasks add column priority smallint not null default 0
  check (priority between 0 and 3);
