-- How the demo's production database drifted from its migrations after every one of them
-- was pushed (each recorded in supabase_migrations.schema_migrations as `supabase db push`
-- records it). production-snapshot.json is `pgdrift inspect --format json` of the result.

-- A column added in the dashboard's table editor: remote_only.
alter table public.tasks add column estimate_minutes integer;

-- A NOT NULL set by hand in the SQL editor: changed.
alter table public.tasks alter column due_on set not null;

-- Row level security switched off "for a quick test" and never switched back: changed.
alter table public.boards disable row level security;

-- An index dropped to speed up a bulk load and never recreated: local_only.
drop index public.tasks_board_id_idx;
