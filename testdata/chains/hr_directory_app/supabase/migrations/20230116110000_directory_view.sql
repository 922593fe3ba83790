-- A directory view for the intranet, and HR-only views in the hr schema.

create view public.directory
with (security_invoker = true)
as
select e.id, e.full_name, e.title, d.name as department, m.full_name as manager
from public.employees e
left join public.departments d on d.id = e.department_id
left join public.employees m on m.id = e.manager_id;

grant select on public.directory to authenticated;

create view hr.payroll as
select d.name as department,
       count(*) as headcount,
       sum(e.salary_cents) as total_salary_cents,
       avg(e.salary_cents)::bigint as average_salary_cents
from public.employees e
join public.departments d on d.id = e.department_id
group by d.name;

-- Column-level: service_role may update only the rating of a review.
revoke update on hr.reviews from service_role;
grant update (rating, notes) on hr.reviews to service_role;
grant select (department, headcount) on hr.payroll to service_role;

alter default privileges in schema hr revoke delete on tables from service_role;
