-- Speed up the warehouse queue screen: pending work ordered by priority, oldest first.

create index orders_queue_idx
  on public.orders (stage, priority desc, created_at)
  where stage in ('submitted', 'picking');

create index on public.orders (customer_id, created_at desc);

drop index public.orders_customer_id_idx;

alter table public.orders
  add constraint orders_total_cents_check check (total_cents >= 0);
