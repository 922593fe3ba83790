-- Orders, as first pushed.
create table public.orders (id bigint primary key, note text);
