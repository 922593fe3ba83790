-- Customers: not pushed yet in the history scenario.
create table public.customers (id bigint primary key, name text);
