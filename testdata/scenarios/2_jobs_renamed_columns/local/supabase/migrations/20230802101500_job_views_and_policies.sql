-- Written against the new column names: a per-user dashboard view, a retry policy, and
-- the worker's claim function.

create view public.my_jobs
with (security_invoker = true)
as
select j.id, j.kind, j.status, j.attempts, j.run_at, j.created_at
from public.jobs j
where j.user_id = (select auth.uid());

grant select on public.my_jobs to authenticated;
revoke all on public.my_jobs from anon;

create policy "Owners retry failed jobs"
  on public.jobs for update
  to authenticated
  using (user_id = (select auth.uid()) and status = 'failed')
  with check (user_id = (select auth.uid()) and status = 'queued' and attempts < 5);

create or replace function public.claim_next_job(p_kind text)
returns setof public.jobs
language sql
security definer
set search_path = ''
as $$
  update public.jobs
     set status = 'running', attempts = attempts + 1
   where id = (
     select id from public.jobs
     where status = 'queued' and kind = p_kind and run_at <= now()
     order by run_at
     limit 1
     for update skip locked
   )
  returning *;
$$;

revoke execute on function public.claim_next_job(text) from public, anon, authenticated;
grant execute on function public.claim_next_job(text) to service_role;
