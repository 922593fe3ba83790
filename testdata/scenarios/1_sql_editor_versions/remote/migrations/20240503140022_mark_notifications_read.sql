-- Run in the SQL editor as "mark notifications read".

create or replace function public.mark_notifications_read()
returns integer
language sql
security invoker
set search_path = ''
as $$
  with updated as (
    update public.notifications
       set read_at = now()
     where user_id = (select auth.uid()) and read_at is null
    returning 1
  )
  select count(*)::integer from updated;
$$;
