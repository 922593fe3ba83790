-- Intent: names PostgreSQL chooses when none is given, including collisions and the
-- 63-byte limit.
create table public.orders (
  id uuid primary key,
  email text unique,
  status text check (status in ('pending', 'paid')),
  qty int,
  price numeric,
  check (qty > 0 and price >= 0),
  check (qty < 1000),
  unique (email, status)
);
create table public.order_lines (
  order_id uuid references public.orders,
  line_no int,
  sku text,
  primary key (order_id, line_no)
);
create index on public.order_lines (sku);
create index on public.order_lines (sku);
create index on public.order_lines (lower(sku));
create unique index on public.orders (email, status);
create table public.a_table_name_that_is_quite_long_enough_to_reach_the_limit_soon (
  a_column_name_that_is_also_very_long_for_naming_purposes int unique
);
