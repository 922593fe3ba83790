-- Default privileges (ALTER DEFAULT PRIVILEGES, pg_default_acl): the global entries
-- (defaclnamespace 0) and the per-schema entries of schemas in scope (schema scope as
-- in tables.sql: excluded schemas and schemas outside pgdrift.schemas are left out).
--
-- Result columns: role (defaclrole's name), schema ('' for a global entry),
--   object_type (defaclobjtype: 'r' tables, 'S' sequences, 'f' functions, 'T' types,
--   'n' schemas), acl (defaclacl as text).
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
SELECT pg_get_userbyid(d.defaclrole) AS role,
       coalesce(s.nspname, '') AS schema,
       d.defaclobjtype::text AS object_type,
       d.defaclacl::text AS acl
FROM pg_default_acl d
LEFT JOIN scope s ON s.oid = d.defaclnamespace
WHERE d.defaclnamespace = 0 OR s.oid IS NOT NULL
ORDER BY 1, 2, 3;
