-- Columns of the views and materialized views views.sql reads, in attnum order, with
-- their comments (col_description) and column privileges (attacl). Scope as in
-- views.sql.
--
-- Result columns: schema, view, name, comment (null when none), acl (attacl as text,
--   null when none).
-- Server: PostgreSQL 10 or later. Runs as is in psql.
WITH scope AS (
  SELECT n.oid, n.nspname
  FROM pg_namespace n
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname !~ '^pg_toast'
    AND n.nspname !~ '^pg_temp_'
    AND n.nspname <> ALL (coalesce(nullif(current_setting('pgdrift.excluded_schemas', true), ''),
                                   '{}')::text[])
    AND (coalesce(current_setting('pgdrift.schemas', true), '') IN ('', '{}')
         OR n.nspname = ANY (current_setting('pgdrift.schemas', true)::text[]))
)
SELECT s.nspname AS schema,
       c.relname AS view,
       a.attname AS name,
       col_description(c.oid, a.attnum) AS comment,
       a.attacl::text AS acl
FROM pg_class c
JOIN scope s ON s.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('v', 'm')
ORDER BY s.nspname, c.relname, a.attnum;
