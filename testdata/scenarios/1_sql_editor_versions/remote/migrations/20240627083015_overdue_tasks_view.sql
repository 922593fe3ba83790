-- Run in the SQL editor as "overdue tasks view".

create view public.overdue_tasks
with (security_invoker = true)
as
select t.id, t.project_id, t.title, t.due_at
from public.tasks t
where not t.done and t.due_at < now();
