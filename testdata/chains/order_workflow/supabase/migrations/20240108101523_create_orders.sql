-- Create the orders table and the stage enum that drives the fulfilment workflow.

create type public.order_stage as enum ('draft', 'submitted', 'picking', 'shipped');

create table public.orders (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references auth.users (id) on delete cascade,
  stage public.order_stage not null default 'draft',
  priority smallint not null default 0,
  total_cents bigint not null default 0,
  currency char(3) not null default 'EUR',
  shipping_address jsonb,
  placed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index orders_customer_id_idx on public.orders (customer_id);

alter table public.orders enable row level security;

comment on table public.orders is 'Customer orders; stage drives the warehouse queue.';
