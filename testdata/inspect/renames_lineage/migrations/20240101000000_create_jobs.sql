-- Intent: the first version of the jobs table.
create table public.jobs (
  id bigint generated always as identity primary key,
  title text not null,
  pay_min int,
  pay_max int,
  constraint jobs_pay_check check (pay_min <= pay_max)
);
create index jobs_title_idx on public.jobs (title);
create type public.job_state as enum ('open', 'closed');
