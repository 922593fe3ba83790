-- Run in the SQL editor as "active api keys function".

create or replace function public.active_api_key_count(p_org uuid)
returns bigint
language sql
stable
set search_path = ''
as $$
  select count(*) from public.api_keys k where k.org_id = p_org and k.revoked_at is null;
$$;
