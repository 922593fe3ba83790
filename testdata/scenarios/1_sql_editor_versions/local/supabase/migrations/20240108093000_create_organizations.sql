-- Tenants and who belongs to them. Membership checks go through one security definer
-- function so that policies on every table stay short and do not recurse.

create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9-]{3,40}$'),
  name text not null,
  created_at timestamptz not null default now()
);

create table public.memberships (
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'member' check (role in ('owner', 'admin', 'member')),
  created_at timestamptz not null default now(),
  primary key (org_id, user_id)
);

create index memberships_user_id_idx on public.memberships (user_id);

create or replace function public.is_org_member(p_org uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.org_id = p_org and m.user_id = (select auth.uid())
  );
$$;

alter table public.organizations enable row level security;
alter table public.memberships enable row level security;

create policy "Members read their organizations"
  on public.organizations for select
  to authenticated
  using (public.is_org_member(id));

create policy "Members read memberships of their organizations"
  on public.memberships for select
  to authenticated
  using (public.is_org_member(org_id));
