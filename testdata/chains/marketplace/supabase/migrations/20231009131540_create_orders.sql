-- Checkout: orders and their line items.

create type public.order_status as enum ('pending', 'paid', 'fulfilled', 'refunded', 'cancelled');

create table public.orders (
  id uuid primary key default gen_random_uuid(),
  buyer_id uuid references auth.users (id) on delete set null,
  status public.order_status not null default 'pending',
  subtotal numeric(12, 2) not null default 0,
  shipping numeric(12, 2) not null default 0,
  total numeric(12, 2) generated always as (subtotal + shipping) stored,
  payment_intent_id text unique,
  placed_at timestamptz not null default now()
);

create index orders_buyer_id_placed_at_idx on public.orders (buyer_id, placed_at desc);

create table public.order_items (
  order_id uuid not null references public.orders (id) on delete cascade,
  line_no smallint not null,
  product_id bigint references public.products (id) on delete set null,
  seller_id uuid not null,
  title_snapshot text not null,
  quantity integer not null check (quantity > 0),
  unit_price numeric(12, 2) not null,
  line_total numeric(12, 2) generated always as (quantity * unit_price) stored,
  primary key (order_id, line_no)
);

create index order_items_product_id_idx on public.order_items (product_id);
