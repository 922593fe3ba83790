-- Expense claims that employees file and managers approve.

create type public.claim_state as enum ('draft', 'submitted', 'approved', 'rejected', 'paid');

create table public.teams (
  id bigint generated always as identity primary key,
  name text not null unique,
  manager_id uuid references auth.users (id) on delete set null,
  budget_cents bigint not null default 0
);

create table public.claims (
  id bigint generated always as identity primary key,
  team_id bigint not null references public.teams (id),
  employee_id uuid not null references auth.users (id),
  state public.claim_state not null default 'draft',
  amount_cents bigint not null check (amount_cents > 0),
  description text not null,
  approved_by uuid references auth.users (id),
  approved_at timestamptz,
  created_at timestamptz not null default now()
);

create index claims_team_id_state_idx on public.claims (team_id, state);

alter table public.teams enable row level security;
alter table public.claims enable row level security;

create policy "Employees manage own claims"
  on public.claims
  to authenticated
  using (employee_id = (select auth.uid()))
  with check (employee_id = (select auth.uid()));

create policy "Managers read team claims"
  on public.claims for select
  to authenticated
  using (team_id in (select id from public.teams where manager_id = (select auth.uid())));
