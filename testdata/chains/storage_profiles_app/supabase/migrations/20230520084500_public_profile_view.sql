-- The e-mail column must not leak through the public select policy: expose a view with
-- the public columns and limit the table's column privileges.

create view public.public_profiles
with (security_invoker = true)
as
select id, username, full_name, avatar_url, website
from public.profiles;

revoke select on public.profiles from anon;
grant select (id, username, full_name, avatar_url, website) on public.profiles to anon;
grant select on public.public_profiles to anon, authenticated;

alter policy "Users can update own profile." on public.profiles
  to authenticated
  using ((select auth.uid()) = id)
  with check ((select auth.uid()) = id);
