create policy "Members read comments"
  on public.comments for select
  to authenticated
  using (exists (
    select 1
    from public.tasks t
    join public.projects p on p.id = t.project_id
    where t.id = comments.task_id and public.is_org_member(p.org_id)
  ));
