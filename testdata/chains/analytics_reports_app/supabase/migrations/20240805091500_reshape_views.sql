-- Track bounce sessions, add a column to the traffic view (appended, as create or replace
-- view requires), rename a view and a materialized view, and mark the conversion view as
-- a security barrier.

alter table public.page_views add column session_id uuid;
comment on column public.page_views.session_id is 'Client session; null for old rows.';

create or replace view public.project_traffic
with (security_invoker = true)
as
select p.id as project_id,
       p.name,
       count(v.id) as views,
       count(distinct v.path) as distinct_paths,
       min(v.viewed_at) as first_view,
       max(v.viewed_at) as last_view,
       count(distinct v.session_id) as sessions
from public.projects p
left join public.page_views v on v.project_id = p.id
group by p.id, p.name;

alter view public.top_paths rename to popular_paths;
alter view public.conversion set (security_barrier = true);
alter materialized view analytics.tier_summary rename to plan_tier_summary;

create or replace function public.track_view()
returns trigger
language plpgsql
as $$
begin
  new.path := lower(new.path);
  return new;
end;
$$;

create trigger page_views_normalize_path
  before insert on public.page_views
  for each row execute function public.track_view();
comment on trigger page_views_normalize_path on public.page_views is 'Paths are stored lowercase.';
comment on function public.track_view() is 'Normalizes page view rows on insert.';
