-- 2019 documents passed retention; rename the contractors rate column and enable RLS.

drop table public.documents_2019;

alter table public.contractors rename column day_rate to daily_rate;
alter table public.contractors alter column daily_rate drop not null;

alter table public.people enable row level security;
alter table public.employees enable row level security;
alter table public.contractors enable row level security;
alter table public.interns enable row level security;
alter table public.documents enable row level security;

comment on table public.people is 'Abstract base: rows live in employees, contractors and interns only.';
