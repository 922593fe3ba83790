-- Files attached to tasks; the bytes live in storage, this is the index.

create table public.attachments (
  id uuid primary key default gen_random_uuid(),
  task_id bigint not null references public.tasks (id) on delete cascade,
  storage_path text not null unique,
  size_bytes bigint not null check (size_bytes >= 0),
  uploaded_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);

create index attachments_task_id_idx on public.attachments (task_id);

alter table public.attachments enable row level security;
