-- Policies calling auth.uid() per row (policy-per-row-auth-call), SECURITY DEFINER without
-- a fixed search_path (security-definer-search-path), and a schema exposed by a GRANT.
create table public.notes (
  id bigint primary key,
  owner uuid not null default auth.uid(),
  body text
);
alter table public.notes enable row level security;
create policy own_notes on public.notes for select to authenticated using (auth.uid() = owner);
create policy insert_notes on public.notes for insert to authenticated with check ((select auth.uid()) = owner);
create index notes_owner_idx on public.notes (owner);
create function public.note_count() returns bigint language sql security definer as $$ select count(*) from public.notes $$;
create function public.safe_count() returns bigint language sql security definer set search_path = '' as $$ select count(*) from public.notes $$;
create schema api;
grant usage on schema api to anon;
create table api.things (id int);
