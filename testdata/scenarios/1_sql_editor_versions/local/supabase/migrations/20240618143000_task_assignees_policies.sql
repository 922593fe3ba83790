-- Assignments are visible to the members of the task's organization.

create policy "Members read assignees"
  on public.task_assignees for select
  to authenticated
  using (exists (
    select 1
    from public.tasks t
    join public.projects p on p.id = t.project_id
    where t.id = task_assignees.task_id and public.is_org_member(p.org_id)
  ));
