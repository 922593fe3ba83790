-- Workspaces and who belongs to them.

create type public.member_role as enum ('owner', 'admin', 'member', 'guest');

create table public.workspaces (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  slug text not null unique,
  created_by uuid not null references auth.users (id),
  created_at timestamptz not null default now()
);

create table public.memberships (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.member_role not null default 'member',
  joined_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);

create index memberships_user_id_idx on public.memberships (user_id);

alter table public.workspaces enable row level security;
alter table public.memberships enable row level security;

create policy "Members can view their workspaces"
  on public.workspaces for select
  to authenticated
  using (
    exists (
      select 1 from public.memberships m
      where m.workspace_id = workspaces.id
        and m.user_id = (select auth.uid())
    )
  );

create policy "Users see their own memberships"
  on public.memberships for select
  to authenticated
  using (user_id = (select auth.uid()));

create policy "Anyone signed in can create a workspace"
  on public.workspaces for insert
  to authenticated
  with check (created_by = (select auth.uid()));
