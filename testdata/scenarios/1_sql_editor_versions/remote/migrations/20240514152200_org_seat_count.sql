-- Run in the SQL editor as "org seat count".

create or replace function public.org_seat_count(p_org uuid)
returns bigint
language sql
stable
set search_path = ''
as $$
  select count(*) from public.memberships m where m.org_id = p_org;
$$;
