-- A status column and its index.
alter table public.orders add column status text not null default 'new';
create index orders_status_idx on public.orders (status);
