-- Run in the SQL editor as "subscription cancel at".

alter table public.subscriptions add column cancel_at timestamptz;
