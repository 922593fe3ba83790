-- Intent: composite types, domains with named and unnamed checks, range types, and a
-- table using them.
create type public.address as (street text, city text, zip varchar(10));
create domain public.email as text check (value ~* '^[^@]+@[^@]+$');
create domain public.positive_amount as numeric(12, 2) not null default 0
  constraint positive_amount_check check (value >= 0);
create type public.float_range as range (subtype = float8);
create table public.customers (
  id int primary key,
  contact public.email,
  billing public.address,
  credit public.positive_amount,
  window_range public.float_range
);
alter domain public.email add constraint email_short check (length(value) < 320);
alter domain public.positive_amount drop default;
