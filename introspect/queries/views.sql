-- Views and materialized views in scope (pg_class.relkind 'v' / 'm'), with their query
-- as pg_get_viewdef prints it (run with search_path '' so every relation is
-- qualified). Views that belong to an extension (pg_depend deptype 'e') are left out
-- unless pgdrift.include_extension_objects is 'on'. Schema scope as in types.sql.
--
-- Result columns: schema, name, materialized boolean, definition (pg_get_viewdef),
--   options (reloptions, '{}' when none), populated
--   (relispopulated), tablespace (null = default), access_method (null for views and
--   heap), owner, comment (null when none), acl (relacl as text, null = acldefault).
-- Server: PostgreSQL 12 or later (relam of materialized views). Runs as is in psql.
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
       c.relname AS name,
       c.relkind = 'm' AS materialized,
       pg_get_viewdef(c.oid) AS definition,
       coalesce(c.reloptions, '{}') AS options,
       c.relispopulated AS populated,
       t.spcname AS tablespace,
       CASE WHEN am.amname <> 'heap' THEN am.amname END AS access_method,
       pg_get_userbyid(c.relowner) AS owner,
       obj_description(c.oid, 'pg_class') AS comment,
       c.relacl::text AS acl
FROM pg_class c
JOIN scope s ON s.oid = c.relnamespace
LEFT JOIN pg_tablespace t ON t.oid = c.reltablespace
LEFT JOIN pg_am am ON am.oid = c.relam
WHERE c.relkind IN ('v', 'm')
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.deptype = 'e'))
ORDER BY s.nspname, c.relname;
