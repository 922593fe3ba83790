-- Row-level security policies (pg_policy) of the tables tables.sql lists, and also of
-- tables in excluded schemas: what users add to a platform's managed tables (policies
-- on storage.objects) is in scope. Policies of extension-owned tables are left out
-- unless pgdrift.include_extension_objects is 'on'.
--
-- Result columns: table_schema, table_name, name, permissive boolean (polpermissive),
--   command (polcmd as a command name: ALL, SELECT, INSERT, UPDATE, DELETE), roles
--   text[] (polroles as role names, sorted, 'public' for the 0 entry, as
--   pg_policies.roles prints them), using_expr and check_expr (pg_get_expr of polqual
--   and polwithcheck, '' when absent), depends_on_kinds, depends_on_schemas,
--   depends_on_names, depends_on_args text[] (the relations and routines the
--   expressions read, from pg_depend of the policy: kind 'table', 'view',
--   'materialized_view', 'function' or 'procedure', and for routines the identity
--   argument types as oidvectortypes prints them), comment (null when none).
-- Server: PostgreSQL 15 or later. Runs as is in psql.
WITH scope AS (
  SELECT n.oid, n.nspname
  FROM pg_namespace n
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname !~ '^pg_toast'
    AND n.nspname !~ '^pg_temp_'
    AND (coalesce(current_setting('pgdrift.schemas', true), '') IN ('', '{}')
         OR n.nspname = ANY (current_setting('pgdrift.schemas', true)::text[]))
)
SELECT s.nspname AS table_schema,
       c.relname AS table_name,
       pol.polname AS name,
       pol.polpermissive AS permissive,
       CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                       WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
       CASE WHEN 0::oid = ANY (pol.polroles) THEN ARRAY['public']
            ELSE coalesce((SELECT array_agg(DISTINCT a.rolname ORDER BY a.rolname)
                           FROM pg_authid a WHERE a.oid = ANY (pol.polroles)), '{}')
       END AS roles,
       coalesce(pg_get_expr(pol.polqual, pol.polrelid), '') AS using_expr,
       coalesce(pg_get_expr(pol.polwithcheck, pol.polrelid), '') AS check_expr,
       coalesce(deps.kinds, '{}') AS depends_on_kinds,
       coalesce(deps.schemas, '{}') AS depends_on_schemas,
       coalesce(deps.names, '{}') AS depends_on_names,
       coalesce(deps.args, '{}') AS depends_on_args,
       obj_description(pol.oid, 'pg_policy') AS comment
FROM pg_policy pol
JOIN pg_class c ON c.oid = pol.polrelid
JOIN scope s ON s.oid = c.relnamespace
LEFT JOIN LATERAL (
  SELECT array_agg(d.kind ORDER BY d.kind, d.schema, d.name, d.args) AS kinds,
         array_agg(d.schema ORDER BY d.kind, d.schema, d.name, d.args) AS schemas,
         array_agg(d.name ORDER BY d.kind, d.schema, d.name, d.args) AS names,
         array_agg(d.args ORDER BY d.kind, d.schema, d.name, d.args) AS args
  FROM (
    SELECT DISTINCT
           CASE rc.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view'
                           ELSE 'table' END AS kind,
           rn.nspname AS schema, rc.relname AS name, '' AS args
    FROM pg_depend dep
    JOIN pg_class rc ON rc.oid = dep.refobjid
    JOIN pg_namespace rn ON rn.oid = rc.relnamespace
    WHERE dep.classid = 'pg_policy'::regclass AND dep.objid = pol.oid
      AND dep.refclassid = 'pg_class'::regclass AND dep.deptype = 'n'
      AND rc.oid <> pol.polrelid AND rc.relkind IN ('r', 'p', 'v', 'm')
    UNION
    SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
           pn.nspname, p.proname, oidvectortypes(p.proargtypes)
    FROM pg_depend dep
    JOIN pg_proc p ON p.oid = dep.refobjid
    JOIN pg_namespace pn ON pn.oid = p.pronamespace
    WHERE dep.classid = 'pg_policy'::regclass AND dep.objid = pol.oid
      AND dep.refclassid = 'pg_proc'::regclass AND dep.deptype = 'n'
      AND pn.nspname <> 'pg_catalog'
  ) d
) deps ON true
WHERE c.relkind IN ('r', 'p')
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.deptype = 'e'))
ORDER BY s.nspname, c.relname, pol.polname;
