-- HR-only data in its own schema, not exposed through the API. Objects created here
-- later get privileges for service_role only, and new functions in public are no longer
-- executable by everyone.

create schema if not exists hr;
revoke all on schema hr from public;
grant usage on schema hr to service_role;

alter default privileges in schema hr grant select, insert, update, delete on tables to service_role;
alter default privileges in schema hr grant usage, select on sequences to service_role;
alter default privileges in schema hr revoke execute on functions from public;
alter default privileges in schema hr grant execute on functions to service_role;

alter default privileges in schema public revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from anon;
alter default privileges for role postgres in schema public revoke all on tables from anon;

create table hr.salary_history (
  id bigint generated always as identity primary key,
  employee_id uuid not null references public.employees (id) on delete cascade,
  salary_cents bigint not null,
  effective_on date not null,
  unique (employee_id, effective_on)
);

create table hr.reviews (
  id bigint generated always as identity primary key,
  employee_id uuid not null references public.employees (id) on delete cascade,
  reviewer_id uuid references public.employees (id) on delete set null,
  rating smallint check (rating between 1 and 5),
  notes text,
  reviewed_on date not null default current_date
);
