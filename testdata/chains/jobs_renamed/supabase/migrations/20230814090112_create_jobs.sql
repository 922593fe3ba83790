-- A Postgres-backed job queue for the worker service.

create table public.jobs (
  id bigserial primary key,
  queue text collate "C" not null default 'default',
  kind text not null,
  payload jsonb not null default '{}'::jsonb,
  status text not null default 'pending',
  priority smallint not null default 100,
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  last_error text,
  locked_by text,
  locked_at timestamptz,
  created_at timestamptz not null default now(),
  constraint jobs_status_check check (status in ('pending', 'running', 'done', 'failed')),
  constraint jobs_attempts_check check (attempts <= max_attempts)
);

create index jobs_pending_idx on public.jobs (queue, priority, run_at) where status = 'pending';
create index jobs_locked_at_idx on public.jobs (locked_at) where locked_by is not null;
