-- Projects owned by a user, and the tasks on them.

create type public.task_status as enum ('todo', 'doing', 'done');

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users (id) on delete cascade,
  name text not null,
  created_at timestamptz not null default now()
);

create table public.tasks (
  id bigint generated always as identity primary key,
  project_id uuid not null references public.projects (id) on delete cascade,
  assignee_id uuid references auth.users (id) on delete set null,
  title text not null,
  status public.task_status not null default 'todo',
  due_on date,
  created_at timestamptz not null default now()
);

create index tasks_project_id_idx on public.tasks (project_id);

alter table public.projects enable row level security;
alter table public.tasks enable row level security;
