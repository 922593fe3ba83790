-- Tasks can wait for review or be archived, and get a priority for the board view.

alter type public.task_status add value 'review' after 'doing';
alter type public.task_status add value 'archived';

alter table public.tasks add column priority smallint not null default 2;
alter table public.tasks
  add constraint tasks_priority_check check (priority between 1 and 4);

create index tasks_assignee_id_open_idx on public.tasks (assignee_id, priority)
  where assignee_id is not null;
