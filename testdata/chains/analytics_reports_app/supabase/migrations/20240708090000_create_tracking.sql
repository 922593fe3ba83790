-- Product analytics: projects, page views and sign-ups, documented for the BI team.

create schema if not exists analytics;
comment on schema analytics is 'Reporting objects read by the BI tool.';

create type public.plan_tier as enum ('free', 'pro', 'enterprise');
comment on type public.plan_tier is 'Billing tier of a project.';

create domain public.country_code as text check (value ~ '^[A-Z]{2}$');
comment on domain public.country_code is 'ISO 3166-1 alpha-2 country code.';

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users (id) on delete cascade,
  name text not null,
  tier public.plan_tier not null default 'free',
  created_at timestamptz not null default now()
);
comment on table public.projects is 'Customer projects whose traffic is tracked.';
comment on column public.projects.tier is 'Current plan; history lives in billing.';

create sequence public.page_view_batch_seq;
comment on sequence public.page_view_batch_seq is 'Batch numbers of the ingest worker.';

create table public.page_views (
  id bigint generated always as identity primary key,
  project_id uuid not null references public.projects (id) on delete cascade,
  path text not null,
  country public.country_code,
  batch bigint not null default nextval('public.page_view_batch_seq'),
  viewed_at timestamptz not null default now(),
  constraint page_views_path_check check (path like '/%')
);
comment on constraint page_views_path_check on public.page_views is 'Paths are absolute.';

create index page_views_project_id_viewed_at_idx on public.page_views (project_id, viewed_at);
comment on index public.page_views_project_id_viewed_at_idx is 'Daily rollups scan by project and time.';

create table public.signups (
  id bigint generated always as identity primary key,
  project_id uuid not null references public.projects (id) on delete cascade,
  referrer text,
  signed_up_at timestamptz not null default now()
);

alter table public.projects enable row level security;
alter table public.page_views enable row level security;
alter table public.signups enable row level security;

create policy "Owners read own projects"
  on public.projects for select
  to authenticated
  using (owner_id = (select auth.uid()));
comment on policy "Owners read own projects" on public.projects is 'Dashboard access.';

create policy "Owners read own page views"
  on public.page_views for select
  to authenticated
  using (project_id in (select id from public.projects where owner_id = (select auth.uid())));

create policy "Owners read own signups"
  on public.signups for select
  to authenticated
  using (project_id in (select id from public.projects where owner_id = (select auth.uid())));
