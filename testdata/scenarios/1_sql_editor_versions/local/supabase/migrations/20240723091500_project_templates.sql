-- Templates that new projects can start from.

create table public.project_templates (
  id uuid primary key default gen_random_uuid(),
  org_id uuid references public.organizations (id) on delete cascade,
  name text not null,
  tasks jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now()
);

alter table public.project_templates enable row level security;

create policy "Members read templates"
  on public.project_templates for select
  to authenticated
  using (org_id is null or public.is_org_member(org_id));
