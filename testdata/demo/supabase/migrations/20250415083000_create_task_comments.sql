-- Comments on tasks; authors may leave, their comments stay.

create table public.task_comments (
  id bigint generated always as identity primary key,
  task_id bigint not null references public.tasks (id) on delete cascade,
  author_id uuid references auth.users (id) on delete set null,
  body text not null,
  created_at timestamptz not null default now(),
  constraint task_comments_body_check check (char_length(body) between 1 and 4000)
);

create index task_comments_task_id_created_at_idx on public.task_comments (task_id, created_at);

alter table public.task_comments enable row level security;

comment on table public.boards is 'A board groups tasks; formerly "projects".';
