-- Security review: whatever the permissive policies allow, nobody but the employee touches
-- a draft, and MFA is required to see claims at all.

create policy "Drafts are private"
  on public.claims
  as restrictive
  for select
  to authenticated
  using (state <> 'draft' or employee_id = (select auth.uid()));

create policy "Require MFA"
  on public.claims
  as restrictive
  to authenticated
  using (((select auth.jwt()) ->> 'aal') = 'aal2');

create policy "Teams are readable by members"
  on public.teams for select
  to authenticated
  using (true);
