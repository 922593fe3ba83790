-- Allow cancelling jobs, move the run history to its final name and drop leftovers.

alter type public.job_state add value 'cancelled' after 'failed';
alter type public.job_state add value 'retrying' before 'running';

alter table public.job_runs rename to job_attempts;
alter index public.job_runs_pkey rename to job_attempts_pkey;
alter table public.job_attempts
  rename constraint job_runs_job_id_attempt_key to job_attempts_job_id_attempt_key;
alter table public.job_attempts
  rename constraint job_runs_job_id_fkey to job_attempts_job_id_fkey;

alter table public.jobs add column unique_key text;
create unique index jobs_unique_key_idx on public.jobs (queue, unique_key)
  where unique_key is not null and state in ('pending', 'running');

alter table public.jobs drop column locked_at;
