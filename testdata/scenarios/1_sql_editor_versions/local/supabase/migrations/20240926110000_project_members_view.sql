-- Who works on what: members of the project's organization.

create view public.project_members
with (security_invoker = true)
as
select p.id as project_id, m.user_id, m.role
from public.projects p
join public.memberships m on m.org_id = p.org_id;

grant select on public.project_members to authenticated;
