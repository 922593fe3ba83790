-- Plans and the subscription of each organization.

create table public.plans (
  id text primary key,
  name text not null,
  seats integer not null check (seats > 0),
  monthly_price_cents integer not null check (monthly_price_cents >= 0)
);

create table public.subscriptions (
  org_id uuid primary key references public.organizations (id) on delete cascade,
  plan_id text not null references public.plans (id),
  status text not null default 'trialing'
    check (status in ('trialing', 'active', 'past_due', 'canceled')),
  current_period_end timestamptz,
  created_at timestamptz not null default now()
);

alter table public.plans enable row level security;
alter table public.subscriptions enable row level security;

create policy "Anyone signed in reads plans"
  on public.plans for select
  to authenticated
  using (true);

create policy "Members read their subscription"
  on public.subscriptions for select
  to authenticated
  using (public.is_org_member(org_id));
