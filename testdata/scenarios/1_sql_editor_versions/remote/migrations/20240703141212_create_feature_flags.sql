-- Run in the SQL editor as "create feature flags".

create table public.feature_flags (
  key text primary key,
  description text,
  enabled_for_orgs uuid[] not null default '{}',
  enabled boolean not null default false
);

alter table public.feature_flags enable row level security;

create policy "Anyone signed in reads feature flags"
  on public.feature_flags for select
  to authenticated
  using (true);
