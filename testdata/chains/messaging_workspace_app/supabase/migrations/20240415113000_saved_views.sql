-- Saved views for the sidebar: unread-style channel activity per member (respecting RLS
-- through security_invoker), and a nightly materialized activity summary for admins.

create view public.channel_activity
with (security_invoker = true)
as
select c.id as channel_id,
       c.workspace_id,
       c.name,
       count(m.id) as message_count,
       max(m.created_at) as last_message_at
from public.channels c
left join public.messages m on m.channel_id = c.id
group by c.id, c.workspace_id, c.name;

grant select on public.channel_activity to authenticated;

create materialized view public.workspace_daily_activity as
select c.workspace_id,
       date_trunc('day', m.created_at) as day,
       count(*) as messages,
       count(distinct m.author_id) as authors
from public.messages m
join public.channels c on c.id = m.channel_id
group by c.workspace_id, date_trunc('day', m.created_at)
with no data;

create unique index workspace_daily_activity_workspace_id_day_idx
  on public.workspace_daily_activity (workspace_id, day);

-- Materialized views ignore RLS: keep them away from the API roles.
revoke all on public.workspace_daily_activity from anon, authenticated;

comment on materialized view public.workspace_daily_activity is
  'Refreshed nightly by a cron job; admins only.';
