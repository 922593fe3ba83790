-- A clean chain: the postgres profile exposes no schema, every foreign key has an index,
-- RLS tables have policies (none here), and no CREATE convention to break.
create table public.users (
  id bigint primary key,
  email text not null unique
);

create table public.orders (
  id bigint primary key,
  user_id bigint not null references public.users (id),
  placed_at timestamptz not null default now()
);

create index orders_user_id_idx on public.orders (user_id, placed_at);
