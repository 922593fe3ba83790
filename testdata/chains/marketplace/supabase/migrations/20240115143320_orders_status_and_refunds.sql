-- Partial refunds: a new status, a refunds table and an amount column on orders.

alter type public.order_status add value 'partially_refunded' after 'fulfilled';

create table public.refunds (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  amount numeric(12, 2) not null check (amount > 0),
  reason text,
  requested_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);

create index refunds_order_id_idx on public.refunds (order_id);

alter table public.refunds enable row level security;

alter table public.products rename column stock to stock_on_hand;
alter table public.products rename constraint products_stock_check to products_stock_on_hand_check;
