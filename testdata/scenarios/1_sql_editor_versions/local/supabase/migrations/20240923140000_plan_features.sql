alter table public.plans add column features text[] not null default '{}';
