-- Daily rollups materialized for the BI tool, refreshed by pg_cron from a function.

create materialized view analytics.daily_page_views as
select project_id,
       date_trunc('day', viewed_at)::date as day,
       country,
       count(*) as views
from public.page_views
group by 1, 2, 3
with no data;

create unique index daily_page_views_key
  on analytics.daily_page_views (project_id, day, country);
create index daily_page_views_day_idx on analytics.daily_page_views (day);

comment on materialized view analytics.daily_page_views is 'Refreshed every night at 02:00 UTC.';
comment on column analytics.daily_page_views.views is 'Page views that day from that country.';

create materialized view analytics.tier_summary as
select p.tier, count(distinct p.id) as projects, count(v.id) as views
from public.projects p
left join public.page_views v on v.project_id = p.id
group by p.tier;

create or replace function analytics.refresh_rollups()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  refresh materialized view concurrently analytics.daily_page_views;
  refresh materialized view analytics.tier_summary;
end;
$$;
comment on function analytics.refresh_rollups() is 'Called by the nightly cron job.';

revoke all on function analytics.refresh_rollups() from public;
