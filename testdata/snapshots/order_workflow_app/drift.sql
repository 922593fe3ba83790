-- How production drifted from testdata/chains/order_workflow_app after every migration of
-- the chain was pushed (each one recorded in supabase_migrations.schema_migrations as
-- `supabase db push` records it).

-- Support added a column in the dashboard's table editor: remote_only.
alter table public.orders add column internal_note text;

-- A default changed by hand in the SQL editor: changed.
alter table public.orders alter column note set default '';

-- A hotfix run by hand and recorded as a migration version that no local file has:
-- history_remote_only, and its index remote_only.
create index orders_created_at_idx on public.orders (created_at);
insert into supabase_migrations.schema_migrations (version, name, statements)
values ('20240212101500', 'hotfix_created_at_index',
        array['create index orders_created_at_idx on public.orders (created_at)']);
