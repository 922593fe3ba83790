-- Several people can own a task.

create table public.task_assignees (
  task_id bigint not null references public.tasks (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  assigned_at timestamptz not null default now(),
  primary key (task_id, user_id)
);

create index task_assignees_user_id_idx on public.task_assignees (user_id);

alter table public.task_assignees enable row level security;
