-- Task status changes go to the audit log.

create or replace function public.audit_task_status()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    insert into public.audit_log (org_id, actor_id, action, target, details)
    select p.org_id, auth.uid(), 'task.status', new.id::text,
           jsonb_build_object('from', old.status, 'to', new.status)
    from public.projects p where p.id = new.project_id;
  end if;
  return new;
end;
$$;

create trigger audit_task_status
  after update of status on public.tasks
  for each row execute function public.audit_task_status();
