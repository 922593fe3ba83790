-- Projects and tasks; composite keys make cross-tenant references impossible.

create table public.projects (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  id uuid not null default extensions.uuid_generate_v4(),
  name text not null,
  archived boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  constraint projects_tenant_id_name_key unique (tenant_id, name)
);

create table public.tasks (
  tenant_id uuid not null,
  id uuid not null default extensions.uuid_generate_v4(),
  project_id uuid not null,
  assignee_id uuid,
  title text not null,
  done boolean not null default false,
  due_on date,
  estimate interval,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  constraint tasks_project_fkey foreign key (tenant_id, project_id)
    references public.projects (tenant_id, id) on delete cascade,
  constraint tasks_assignee_fkey foreign key (tenant_id, assignee_id)
    references public.tenant_users (tenant_id, user_id) on delete set null (assignee_id)
);

create index tasks_tenant_id_project_id_idx on public.tasks (tenant_id, project_id);
create index tasks_tenant_id_assignee_id_idx on public.tasks (tenant_id, assignee_id)
  where not done;
