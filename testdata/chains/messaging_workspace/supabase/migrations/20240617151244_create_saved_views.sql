-- Saved inbox views: personal when owner_id is set, shared with the workspace when it is null.

create table public.saved_views (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  owner_id uuid references auth.users (id) on delete cascade,
  name text not null,
  filters jsonb not null default '{}'::jsonb,
  sort jsonb,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  constraint saved_views_workspace_id_owner_id_name_key
    unique nulls not distinct (workspace_id, owner_id, name)
);

create index saved_views_filters_idx on public.saved_views using gin (filters jsonb_path_ops);

alter table public.saved_views enable row level security;
