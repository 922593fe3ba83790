-- Intent: columns, a constraint, an index, the type and the table are renamed later;
-- the model remembers former names and where each change happened.
alter table public.jobs rename column pay_min to salary_min;
alter table public.jobs rename column pay_max to salary_max;
alter table public.jobs rename constraint jobs_pay_check to jobs_salary_range_check;
alter index public.jobs_title_idx rename to jobs_title_search_idx;
alter type public.job_state rename to job_status;
alter table public.jobs add column status public.job_status not null default 'open';
alter table public.jobs rename to job_postings;
