-- Order items with a deferrable foreign key, a keyless notes table, a date-partitioned
-- event log, and row level security on orders.
create table public.order_items (
  order_id bigint not null,
  line integer not null,
  sku text not null,
  amount integer not null,
  primary key (order_id, line),
  constraint order_items_order_id_fkey foreign key (order_id) references public.orders (id)
    on delete cascade deferrable
);

create table public.notes (
  key text primary key,
  body text
);

create table public.events (
  id bigint not null,
  happened_on date not null,
  payload jsonb
) partition by range (happened_on);
create table public.events_2025 partition of public.events
  for values from ('2025-01-01') to ('2026-01-01');

alter table public.orders enable row level security;
