alter table public.orders add column note text;

create index orders_customer_idx on public.orders (customer_id);

create view public.open_orders as
  select id, customer_id, total from public.orders where status <> 'done';
