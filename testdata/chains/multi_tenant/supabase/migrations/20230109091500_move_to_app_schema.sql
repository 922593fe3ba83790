-- Tenant data moves out of public into an "app" schema that the API does not expose.

create schema if not exists app;

alter type public.tenant_role set schema app;
alter table public.tenants set schema app;
alter table public.tenant_users set schema app;
alter table public.projects set schema app;
alter table public.tasks set schema app;

alter table app.tenants enable row level security;
alter table app.tenant_users enable row level security;
alter table app.projects enable row level security;
alter table app.tasks enable row level security;
alter table app.tasks force row level security;
alter table app.projects force row level security;
