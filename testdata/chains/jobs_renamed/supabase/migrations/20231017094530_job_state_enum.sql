-- Turn the free-text state into an enum; the ready index depends on it, so rebuild it.

create type public.job_state as enum ('pending', 'running', 'done', 'failed');

drop index public.jobs_ready_idx;

alter table public.jobs drop constraint jobs_state_check;
alter table public.jobs alter column state drop default;
alter table public.jobs
  alter column state type public.job_state using state::public.job_state;
alter table public.jobs alter column state set default 'pending';

create index jobs_ready_idx on public.jobs (queue, priority, scheduled_at) where state = 'pending';
