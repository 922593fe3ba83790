-- Record carrier details on shipment and drop the unused currency column (all orders are EUR).

alter table public.orders add column carrier varchar(40);
alter table public.orders add column tracking_number varchar(64);
alter table public.orders add column shipped_at timestamptz;

create unique index orders_tracking_number_key
  on public.orders (carrier, tracking_number)
  where tracking_number is not null;

alter table public.orders drop column currency;

alter table public.orders alter column shipping_address set not null;
alter table public.orders alter column shipping_address set default '{}'::jsonb;
