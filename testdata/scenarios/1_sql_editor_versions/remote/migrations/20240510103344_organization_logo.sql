-- Run in the SQL editor as "organization logo".

alter table public.organizations add column logo_url text;
