-- Labels scoped to a tenant, optionally to one project; names are unique even when project_id is null.

create table app.labels (
  tenant_id uuid not null references app.tenants (id) on delete cascade,
  id bigint generated always as identity,
  project_id uuid,
  name varchar(40) not null,
  color char(7) not null default '#888888',
  primary key (tenant_id, id),
  constraint labels_project_fkey foreign key (tenant_id, project_id)
    references app.projects (tenant_id, id) on delete cascade,
  constraint labels_tenant_id_project_id_name_key
    unique nulls not distinct (tenant_id, project_id, name),
  constraint labels_color_check check (color ~ '^#[0-9a-f]{6}$')
);

create table app.task_labels (
  tenant_id uuid not null,
  task_id uuid not null,
  label_id bigint not null,
  primary key (tenant_id, task_id, label_id),
  foreign key (tenant_id, task_id) references app.tasks (tenant_id, id) on delete cascade,
  foreign key (tenant_id, label_id) references app.labels (tenant_id, id) on delete cascade
);

alter table app.labels enable row level security;
alter table app.task_labels enable row level security;
alter table app.labels force row level security;
alter table app.task_labels force row level security;
