-- Supabase project: public is served by the API. todos has no RLS (rls-disabled), audit
-- has RLS and no policy (rls-no-policy), comments' foreign keys lack an index
-- (fk-without-index) except the one the composite primary key leads with.
create table public.todos (
  id bigint generated always as identity primary key,
  owner uuid not null references auth.users (id),
  title text not null
);

create table public.audit (
  id bigint generated always as identity primary key,
  at timestamptz not null default now()
);
alter table public.audit enable row level security;

create schema private;
create table private.jobs (
  id bigint primary key
);
