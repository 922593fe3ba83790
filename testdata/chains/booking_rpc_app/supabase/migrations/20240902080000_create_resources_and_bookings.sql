-- Bookable resources (rooms, desks) and bookings made through RPCs.

create extension if not exists btree_gist with schema extensions;

create table public.resources (
  id bigint generated always as identity primary key,
  name text not null unique,
  capacity integer not null default 1 check (capacity > 0),
  hourly_rate numeric(10, 2) not null default 0
);

create table public.bookings (
  id bigint generated always as identity primary key,
  resource_id bigint not null references public.resources (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  during tstzrange not null,
  cancelled boolean not null default false,
  created_at timestamptz not null default now(),
  constraint bookings_no_overlap exclude using gist (resource_id with =, during with &&)
    where (not cancelled)
);

alter table public.resources enable row level security;
alter table public.bookings enable row level security;

create policy "Resources are readable" on public.resources for select using (true);
create policy "Users read own bookings" on public.bookings for select
  to authenticated using (user_id = (select auth.uid()));
