-- Intent: errors in a later file are reported too, after the first file's.
create index on public.customer (email);
alter table public.customers alter column missing set not null;
select 1 +;
create table public.orders (id int primary key, customer_id int references public.customers);
