-- Company directory: everyone sees names and titles, HR sees salaries.

create table public.departments (
  id serial primary key,
  name text not null unique
);

create table public.employees (
  id uuid primary key references auth.users (id) on delete cascade,
  department_id integer references public.departments (id) on delete set null,
  full_name text not null,
  title text,
  phone text,
  salary_cents bigint,
  hired_on date not null default current_date,
  manager_id uuid references public.employees (id)
);

alter table public.departments enable row level security;
alter table public.employees enable row level security;

create policy "Directory is visible to staff"
  on public.employees for select
  to authenticated
  using (true);

create policy "Departments are visible to staff"
  on public.departments for select
  to authenticated
  using (true);

-- HR is a custom claim set by an auth hook.
create policy "HR manages employees"
  on public.employees for all
  to authenticated
  using ((select auth.jwt()) ->> 'user_role' = 'hr')
  with check ((select auth.jwt()) ->> 'user_role' = 'hr');
