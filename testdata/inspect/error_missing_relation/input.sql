-- Intent: references to missing relations and columns are errors PostgreSQL would raise.
create table public.orders (id int primary key);
alter table public.order add column total numeric;
create index on public.orders (customer_id);
create table public.lines (order_id int references public.missing_orders (id));
alter table public.orders rename column nope to still_nope;
