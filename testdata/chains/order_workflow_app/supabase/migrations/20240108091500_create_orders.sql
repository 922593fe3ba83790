-- Orders move through a fixed set of stages; the warehouse works the queue by stage and age.

create extension if not exists "uuid-ossp" with schema extensions;

create type public.order_stage as enum ('draft', 'submitted', 'picking', 'shipped', 'cancelled');

create table public.orders (
  id uuid primary key default extensions.uuid_generate_v4(),
  customer_id uuid not null references auth.users (id) on delete cascade,
  stage public.order_stage not null default 'draft',
  total_cents bigint not null default 0 check (total_cents >= 0),
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index orders_customer_id_idx on public.orders (customer_id);

-- The queue screen: open orders, oldest first.
create index orders_queue_idx on public.orders (stage, created_at)
  where stage in ('submitted', 'picking');

create table public.order_events (
  id bigint generated always as identity primary key,
  order_id uuid not null references public.orders (id) on delete cascade,
  from_stage public.order_stage,
  to_stage public.order_stage not null,
  actor uuid references auth.users (id) on delete set null,
  reason text,
  created_at timestamptz not null default now()
);

create index order_events_order_id_created_at_idx on public.order_events (order_id, created_at desc);

alter table public.orders enable row level security;
alter table public.order_events enable row level security;

-- Keep updated_at honest on every update.
create or replace function public.set_updated_at()
returns trigger
language plpgsql
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

create trigger set_updated_at
  before update on public.orders
  for each row execute function public.set_updated_at();
