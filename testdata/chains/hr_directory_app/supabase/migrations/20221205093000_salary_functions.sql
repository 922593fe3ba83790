-- Raises go through a function that records history; HR calls it with the service role.

create or replace function hr.give_raise(p_employee_id uuid, p_new_salary_cents bigint)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.employees set salary_cents = p_new_salary_cents where id = p_employee_id;
  insert into hr.salary_history (employee_id, salary_cents, effective_on)
  values (p_employee_id, p_new_salary_cents, current_date)
  on conflict (employee_id, effective_on) do update set salary_cents = excluded.salary_cents;
end;
$$;

-- Anyone signed in can see who reports to whom (no salaries).
create or replace function public.reports_of(p_manager_id uuid)
returns table (id uuid, full_name text, title text, depth integer)
language sql
stable
set search_path = ''
as $$
  with recursive chain as (
    select e.id, e.full_name, e.title, 1 as depth
    from public.employees e
    where e.manager_id = p_manager_id
    union all
    select e.id, e.full_name, e.title, c.depth + 1
    from public.employees e
    join chain c on e.manager_id = c.id
  )
  select id, full_name, title, depth from chain;
$$;

grant execute on function public.reports_of(uuid) to authenticated;

comment on schema hr is 'HR-only data; never exposed through the Data API.';
comment on function hr.give_raise(uuid, bigint) is 'Sets a salary and records it in hr.salary_history.';
