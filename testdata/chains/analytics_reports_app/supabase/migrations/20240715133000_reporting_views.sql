-- Views the dashboard reads: joins, aggregates, a CTE, a window function, and a view on a
-- view.

create view public.project_traffic
with (security_invoker = true)
as
select p.id as project_id,
       p.name,
       count(v.id) as views,
       count(distinct v.path) as distinct_paths,
       min(v.viewed_at) as first_view,
       max(v.viewed_at) as last_view
from public.projects p
left join public.page_views v on v.project_id = p.id
group by p.id, p.name;
comment on view public.project_traffic is 'One row per project with lifetime traffic.';
comment on column public.project_traffic.views is 'All page views, bots included.';

create view public.top_paths
with (security_invoker = true)
as
with ranked as (
  select project_id,
         path,
         count(*) as hits,
         rank() over (partition by project_id order by count(*) desc) as position
  from public.page_views
  where viewed_at > now() - interval '30 days'
  group by project_id, path
)
select project_id, path, hits, position
from ranked
where position <= 10;

create view public.conversion
with (security_invoker = true)
as
select t.project_id,
       t.name,
       t.views,
       s.signups,
       s.signups > 0 as converted
from public.project_traffic t
left join (
  select project_id, count(*) as signups
  from public.signups
  group by project_id
) s on s.project_id = t.project_id;

grant select on public.project_traffic, public.top_paths, public.conversion to authenticated;
revoke all on public.project_traffic, public.top_paths, public.conversion from anon;
