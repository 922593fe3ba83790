-- The database as it is: a hand-made audit table, a column edited in the dashboard, the
-- index never created, and a widened total.
create table public.customers (
  id bigint generated always as identity primary key,
  email text not null unique,
  name text not null
);

create table public.orders (
  id bigint generated always as identity primary key,
  customer_id bigint not null references public.customers (id),
  status text not null default 'pending',
  total numeric(12, 2) not null,
  note text
);

create view public.open_orders as
  select id, customer_id, total from public.orders where status <> 'done';

create table public.audit_log (
  id bigint generated always as identity primary key,
  happened_at timestamptz not null default now(),
  what text not null
);
