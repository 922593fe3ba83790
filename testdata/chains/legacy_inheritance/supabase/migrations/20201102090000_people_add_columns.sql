-- Columns added on the parent reach every child; the manager link is finally enforced.

alter table public.people add column phone varchar(32);
alter table public.people add column preferred_name text;
alter table public.people add column active boolean not null default true;

alter table public.employees
  add constraint employees_manager_id_fkey
  foreign key (manager_id) references public.employees (id) on delete set null;

create index employees_manager_id_idx on public.employees (manager_id);
create index contractors_contract_ends_idx on public.contractors (contract_ends)
  where contract_ends is not null;

create table public.documents_2021 (
  constraint documents_2021_filed_on_check
    check (filed_on >= date '2021-01-01' and filed_on < date '2022-01-01')
) inherits (public.documents);

create index documents_2021_filed_on_idx on public.documents_2021 (filed_on);
