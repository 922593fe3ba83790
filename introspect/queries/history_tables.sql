-- The tables migration tools keep their history in, with their columns in order:
-- supabase_migrations.schema_migrations (Supabase CLI), flyway_schema_history (Flyway,
-- any schema), _prisma_migrations (Prisma, any schema) and public.schema_migrations
-- (golang-migrate or dbmate). Tables in public come first. pg_attribute rather than
-- information_schema.columns, which lists only the columns the current role holds a
-- privilege on.
--
-- Result columns: schema_name text, table_name text, columns text[] (attnum order).
-- Server: PostgreSQL 15 or later. Runs as is in psql.
SELECT n.nspname::text AS schema_name,
       c.relname::text AS table_name,
       ARRAY(SELECT a.attname::text
             FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum) AS columns
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp)'
  AND ((n.nspname = 'supabase_migrations' AND c.relname = 'schema_migrations')
       OR c.relname IN ('flyway_schema_history', '_prisma_migrations')
       OR (n.nspname = 'public' AND c.relname = 'schema_migrations'))
ORDER BY n.nspname <> 'public', n.nspname, c.relname
