-- CHECK constraints of the domains domains.sql lists (pg_constraint rows with
-- contypid set and contype 'c'). The expression is pg_get_expr of conbin (VALUE stands
-- for the domain value), without the CHECK keyword. Schema scope and extension rule as
-- in domains.sql.
--
-- Result columns: domain_schema, domain_name, name, expression, validated boolean
--   (pg_constraint.convalidated: false after NOT VALID).
-- Server: PostgreSQL 15 or later. Runs as is in psql.
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
SELECT s.nspname AS domain_schema,
       t.typname AS domain_name,
       con.conname AS name,
       pg_get_expr(con.conbin, 0) AS expression,
       con.convalidated AS validated
FROM pg_constraint con
JOIN pg_type t ON t.oid = con.contypid
JOIN scope s ON s.oid = t.typnamespace
WHERE t.typtype = 'd'
  AND con.contype = 'c'
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid
                        AND d.deptype = 'e'))
ORDER BY s.nspname, t.typname, con.conname;
