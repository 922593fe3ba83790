-- Run in the SQL editor as "task priority comment".

comment on column public.tasks.priority is '0 none, 1 low, 2 medium, 3 high';
