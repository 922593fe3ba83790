-- Salaries must not be readable through the directory policy: take table-wide SELECT away
-- and grant the public columns only. Employees may edit their phone number.

revoke all on table public.employees from anon;
revoke select, update on table public.employees from authenticated;
grant select (id, department_id, full_name, title, phone, hired_on, manager_id)
  on table public.employees to authenticated;
grant update (phone) on table public.employees to authenticated;

create policy "Employees edit own phone"
  on public.employees for update
  to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

revoke all on table public.departments from anon;
revoke all on sequence public.departments_id_seq from anon, authenticated;
