-- Port of the old HR schema: a people base table with employees and contractors inheriting from it.

create table public.people (
  id serial primary key,
  user_id uuid references auth.users (id) on delete set null,
  given_name text not null,
  family_name text not null,
  email varchar(254),
  birth_date date,
  created_at timestamptz not null default now(),
  constraint people_email_check check (email like '%@%'),
  constraint people_is_abstract check (false) no inherit
);

create table public.employees (
  employee_no varchar(10) not null,
  hired_on date not null,
  salary numeric(10, 2),
  manager_id integer,
  constraint employees_salary_check check (salary > 0)
) inherits (public.people);

create table public.contractors (
  agency text,
  day_rate numeric(8, 2) not null,
  contract_ends date
) inherits (public.people);

alter table public.employees add constraint employees_pkey primary key (id);
alter table public.contractors add constraint contractors_pkey primary key (id);
alter table public.employees add constraint employees_employee_no_key unique (employee_no);
