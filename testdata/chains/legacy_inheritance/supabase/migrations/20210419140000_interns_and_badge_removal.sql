-- Interns are a kind of employee (two-level inheritance); badges move to the access-control vendor
-- (badge_scans is kept for the audit period, so CASCADE only drops its foreign key).

create table public.interns (
  school text,
  mentor_id integer references public.employees (id) on delete set null
) inherits (public.employees);

alter table public.interns add constraint interns_pkey primary key (id);

drop table public.badges cascade;

alter table public.people rename column family_name to surname;
alter table public.employees alter column salary type numeric(12, 2);
