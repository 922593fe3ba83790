-- Keep the last error, and give operators a summary by kind.

alter table public.jobs add column last_error text;

create view public.job_stats as
with per_kind as (
  select kind,
         count(*) filter (where status = 'queued') as queued,
         count(*) filter (where status = 'failed') as failed,
         avg(attempts) as avg_attempts
  from public.jobs
  group by kind
)
select kind, queued, failed, round(avg_attempts, 2) as avg_attempts
from per_kind;

revoke all on public.job_stats from anon, authenticated;

comment on view public.job_stats is 'Operators only: totals per job kind.';
comment on policy "Owners retry failed jobs" on public.jobs is
  'A failed job may be re-queued by its owner up to five attempts.';
