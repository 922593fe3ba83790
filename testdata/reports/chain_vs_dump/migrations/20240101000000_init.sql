create table public.customers (
  id bigint generated always as identity primary key,
  email text not null unique,
  name text
);

create table public.orders (
  id bigint generated always as identity primary key,
  customer_id bigint not null references public.customers (id),
  status text not null default 'new',
  total numeric(10, 2) not null
);
