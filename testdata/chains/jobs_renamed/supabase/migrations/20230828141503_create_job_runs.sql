-- Keep one row per execution attempt so failures can be inspected after retries.

create table public.job_runs (
  id bigserial primary key,
  job_id bigint not null references public.jobs (id) on delete cascade,
  attempt integer not null,
  worker text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  duration interval generated always as (finished_at - started_at) stored,
  error text,
  constraint job_runs_job_id_attempt_key unique (job_id, attempt)
);

create unlogged table public.worker_heartbeats (
  worker text collate "C" primary key,
  host text not null,
  pid integer not null,
  queues text[] not null default '{default}',
  beat_at timestamptz not null default now()
);
