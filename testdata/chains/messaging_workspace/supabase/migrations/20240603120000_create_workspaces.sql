-- Workspaces and who belongs to them.

create type public.membership_role as enum ('owner', 'admin', 'member', 'guest');

create table public.workspaces (
  id uuid primary key default gen_random_uuid(),
  slug text not null,
  name text not null,
  icon_url text,
  created_by uuid references auth.users (id) on delete set null,
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  constraint workspaces_slug_key unique (slug),
  constraint workspaces_slug_check check (slug ~ '^[a-z0-9-]{3,40}$')
);

create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.membership_role not null default 'member',
  joined_at timestamptz not null default now(),
  constraint memberships_workspace_id_user_id_key unique (workspace_id, user_id)
);

create index memberships_user_id_idx on public.memberships (user_id);

alter table public.workspaces enable row level security;
alter table public.memberships enable row level security;
