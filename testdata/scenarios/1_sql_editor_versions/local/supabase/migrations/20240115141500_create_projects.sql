-- Projects group tasks inside an organization.

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  name text not null,
  description text,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, name)
);

alter table public.projects enable row level security;

create policy "Members read projects"
  on public.projects for select
  to authenticated
  using (public.is_org_member(org_id));

create policy "Members create projects"
  on public.projects for insert
  to authenticated
  with check (public.is_org_member(org_id));
