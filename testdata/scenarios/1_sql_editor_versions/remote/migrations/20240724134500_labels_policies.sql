-- Run in the SQL editor as "labels policies".

create policy "Admins manage labels"
  on public.labels for all
  to authenticated
  using (exists (
    select 1 from public.memberships m
    where m.org_id = labels.org_id and m.user_id = (select auth.uid())
      and m.role in ('owner', 'admin')
  ))
  with check (exists (
    select 1 from public.memberships m
    where m.org_id = labels.org_id and m.user_id = (select auth.uid())
      and m.role in ('owner', 'admin')
  ));
