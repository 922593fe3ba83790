-- "done" is not enough for the board view: replace it with a status enum and rename the plan column.

create type app.task_status as enum ('todo', 'in_progress', 'blocked', 'done');

drop index app.tasks_tenant_id_assignee_id_idx;

alter table app.tasks alter column done drop default;
alter table app.tasks
  alter column done type app.task_status
  using case when done then 'done'::app.task_status else 'todo'::app.task_status end;
alter table app.tasks rename column done to status;
alter table app.tasks alter column status set default 'todo';

create index tasks_tenant_id_assignee_id_idx on app.tasks (tenant_id, assignee_id)
  where status <> 'done';

alter table app.tenants rename column plan to plan_code;
alter type app.tenant_role add value 'billing' after 'admin';
alter type app.tenant_role rename to member_role;

comment on column app.tasks.assignee_id is 'Cleared (not cascaded) when the assignee leaves the tenant.';
