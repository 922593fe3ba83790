-- The EXISTS sub-queries got slow and recursive once memberships had policies of their
-- own; a security definer helper answers "is the caller a member" without RLS.

create or replace function public.is_workspace_member(p_workspace_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.workspace_id = p_workspace_id
      and m.user_id = (select auth.uid())
  );
$$;

revoke execute on function public.is_workspace_member(uuid) from public, anon;
grant execute on function public.is_workspace_member(uuid) to authenticated;

drop policy "Users see their own memberships" on public.memberships;
create policy "Members see co-members"
  on public.memberships for select
  to authenticated
  using ((select public.is_workspace_member(workspace_id)));

alter policy "Members read channels" on public.channels
  using ((select public.is_workspace_member(workspace_id)));

create policy "Admins manage memberships"
  on public.memberships for all
  to authenticated
  using (
    exists (
      select 1 from public.memberships me
      where me.workspace_id = memberships.workspace_id
        and me.user_id = (select auth.uid())
        and me.role in ('owner', 'admin')
    )
  );
