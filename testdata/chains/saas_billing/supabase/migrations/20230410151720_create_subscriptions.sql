-- Subscriptions: a customer may not hold two live subscriptions whose periods overlap.

create type billing.subscription_status as enum ('trialing', 'active', 'past_due', 'canceled');

create table billing.subscriptions (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references billing.customers (id) on delete cascade,
  plan_id text not null references billing.plans (id),
  status billing.subscription_status not null default 'trialing',
  quantity integer not null default 1 check (quantity > 0),
  active_period tstzrange not null,
  cancel_at_period_end boolean not null default false,
  provider_subscription_id text unique,
  created_at timestamptz not null default now(),
  constraint subscriptions_no_overlap
    exclude using gist (customer_id with =, active_period with &&)
    where (status <> 'canceled')
);

create index subscriptions_plan_id_idx on billing.subscriptions (plan_id);

alter table billing.subscriptions enable row level security;
