-- Run in the SQL editor as "archive projects".

alter table public.projects add column archived_at timestamptz;
