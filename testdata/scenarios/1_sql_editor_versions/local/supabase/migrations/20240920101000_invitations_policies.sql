create policy "Admins read invitations"
  on public.invitations for select
  to authenticated
  using (exists (
    select 1 from public.memberships m
    where m.org_id = invitations.org_id and m.user_id = (select auth.uid())
      and m.role in ('owner', 'admin')
  ));
