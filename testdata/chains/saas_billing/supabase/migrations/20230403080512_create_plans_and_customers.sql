-- Price plans and billing customers (one per auth user).

create type billing.plan_interval as enum ('month', 'year');

create table billing.plans (
  id text primary key,
  name text not null,
  interval billing.plan_interval not null,
  amount numeric(10, 2) not null,
  currency char(3) not null default 'usd',
  seats_included smallint not null default 1,
  features jsonb not null default '[]'::jsonb,
  is_public boolean not null default true,
  created_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint plans_amount_check check (amount >= 0)
);

create table billing.customers (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  provider_customer_id text not null,
  email text,
  tax_ids text[] not null default '{}',
  created_at timestamptz not null default now(),
  constraint customers_user_id_key unique (user_id),
  constraint customers_provider_customer_id_key unique (provider_customer_id)
);

alter table billing.plans enable row level security;
alter table billing.customers enable row level security;
