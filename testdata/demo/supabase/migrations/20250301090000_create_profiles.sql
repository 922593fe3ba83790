-- Public profile for every signed-up user.

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  username varchar(32) not null,
  full_name text,
  avatar_url text,
  created_at timestamptz not null default now(),
  constraint profiles_username_key unique (username)
);

alter table public.profiles enable row level security;
