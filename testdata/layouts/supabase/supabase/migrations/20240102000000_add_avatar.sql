-- Fixture: second migration, applied after 20240101000000_init.sql.
alter table public.profiles add column avatar_url text;
