-- Run in the SQL editor as "tasks board index".

create index tasks_project_id_status_idx on public.tasks (project_id, status);
