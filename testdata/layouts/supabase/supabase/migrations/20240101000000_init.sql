-- Fixture: first migration of a Supabase chain; profiles reference auth.users.
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  username text unique
);
