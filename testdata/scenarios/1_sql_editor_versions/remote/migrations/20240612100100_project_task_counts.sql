-- Run in the SQL editor as "project task counts".

create view public.project_task_counts
with (security_invoker = true)
as
select p.id as project_id,
       count(t.id) as total,
       count(t.id) filter (where t.done) as done
from public.projects p
left join public.tasks t on t.project_id = p.id
group by p.id;

grant select on public.project_task_counts to authenticated;
