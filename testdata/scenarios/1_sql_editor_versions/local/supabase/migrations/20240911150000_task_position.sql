-- Manual ordering on the board.

alter table public.tasks add column position double precision not null default 0;

create index tasks_project_id_position_idx on public.tasks (project_id, position);
