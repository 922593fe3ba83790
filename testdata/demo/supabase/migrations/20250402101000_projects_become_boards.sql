-- The UI now says "boards" and "summary"; rename to match and lock tasks down with FORCE RLS.

alter table public.projects rename to boards;
alter table public.tasks rename column project_id to board_id;
alter table public.tasks rename column title to summary;
alter index public.tasks_project_id_idx rename to tasks_board_id_idx;
alter table public.tasks rename constraint tasks_project_id_fkey to tasks_board_id_fkey;

alter type public.task_status rename value 'doing' to 'in_progress';

alter table public.tasks force row level security;
