-- Run in the SQL editor as "webhook failure count".

alter table public.webhooks add column failure_count integer not null default 0;
