-- Venues (legacy serial keys from the first prototype) and events with identity keys.

create table public.venues (
  id serial primary key,
  name text not null,
  city text not null,
  capacity integer not null check (capacity > 0),
  address text,
  timezone text not null default 'Europe/Berlin',
  created_at timestamp without time zone not null default now()
);

create table public.events (
  id bigint generated always as identity (start with 100000 increment by 1) primary key,
  venue_id integer not null references public.venues (id) on delete restrict,
  organizer_id uuid references auth.users (id) on delete set null,
  title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  doors_open time without time zone,
  sale_window tstzrange,
  age_limit smallint,
  created_at timestamptz not null default now(),
  constraint events_time_check check (ends_at > starts_at)
);

create index events_venue_id_starts_at_idx on public.events (venue_id, starts_at);
