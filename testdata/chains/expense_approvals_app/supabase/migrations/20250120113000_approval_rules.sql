-- Rules that must hold at commit: an approved claim has an approver, and a team's
-- approved total stays within its budget. Checked by deferred constraint triggers so a
-- batch approval can pass through intermediate states.

create or replace function public.check_claim_approval()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.state in ('approved', 'paid') and (new.approved_by is null or new.approved_at is null) then
    raise exception 'claim % is % without an approver', new.id, new.state;
  end if;
  if new.approved_by = new.employee_id then
    raise exception 'claim % cannot be approved by its own employee', new.id;
  end if;
  return null;
end;
$$;

create constraint trigger claims_approval_check
  after insert or update of state, approved_by, approved_at on public.claims
  deferrable initially deferred
  for each row execute function public.check_claim_approval();

create or replace function public.check_team_budget()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_spent bigint;
  v_budget bigint;
begin
  select coalesce(sum(amount_cents), 0) into v_spent
  from public.claims
  where team_id = new.team_id and state in ('approved', 'paid');
  select budget_cents into v_budget from public.teams where id = new.team_id;
  if v_spent > v_budget then
    raise exception 'team % is over budget (% > %)', new.team_id, v_spent, v_budget;
  end if;
  return null;
end;
$$;

create constraint trigger claims_budget_check
  after update of state on public.claims
  from public.teams
  not deferrable
  for each row
  when (new.state = 'approved')
  execute function public.check_team_budget();
