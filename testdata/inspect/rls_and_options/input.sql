-- Intent: RLS enabled/forced flags, UNLOGGED, storage options, replica identity,
-- CLUSTER ON and SET LOGGED.
create table public.secrets (id int primary key, value text) with (fillfactor = 70);
alter table public.secrets enable row level security;
alter table public.secrets force row level security;
create unlogged table public.cache_entries (key text primary key, value jsonb);
alter table public.cache_entries set logged;
create table public.sessions (id int primary key, token text not null);
alter table public.sessions set unlogged;
alter table public.sessions set (autovacuum_enabled = false);
alter table public.sessions replica identity full;
alter table public.sessions cluster on sessions_pkey;
alter table public.secrets disable row level security;
alter table public.secrets enable row level security;
alter table public.secrets no force row level security;
