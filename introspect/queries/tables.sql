-- Tables in scope: ordinary and partitioned tables (pg_class.relkind 'r', 'p'),
-- partitions included, with their table-level attributes. Columns, constraints and
-- indexes come from their own queries. Tables that belong to an extension (pg_depend
-- deptype 'e') are left out unless pgdrift.include_extension_objects is 'on'. Schema
-- scope as in types.sql.
--
-- Result columns: schema, name, unlogged boolean (relpersistence 'u'), partition_key
--   (pg_get_partkeydef, '' unless partitioned), partition_of_schema and
--   partition_of_name (the parent of a partition, null otherwise), partition_bound
--   (pg_get_expr of relpartbound, '' unless a partition), inherits_schemas and
--   inherits_names text[] (INHERITS parents in pg_inherits.inhseqno order, empty for
--   partitions), rls_enabled, rls_forced boolean, replica_identity ('d', 'n', 'f',
--   'i'), replica_identity_index ('' unless 'i'), options text[] (reloptions,
--   'name=value'), access_method ('' for heap and for partitioned tables), tablespace
--   ('' for the database default), owner, comment (null when none).
-- acl: relacl as text (null = acldefault).
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
SELECT s.nspname AS schema,
       c.relname AS name,
       c.relpersistence = 'u' AS unlogged,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) ELSE '' END AS partition_key,
       parent_n.nspname AS partition_of_schema,
       parent.relname AS partition_of_name,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) ELSE '' END
         AS partition_bound,
       coalesce(inh.schemas, '{}') AS inherits_schemas,
       coalesce(inh.names, '{}') AS inherits_names,
       c.relrowsecurity AS rls_enabled,
       c.relforcerowsecurity AS rls_forced,
       c.relreplident AS replica_identity,
       coalesce((SELECT ic.relname
                 FROM pg_index i
                 JOIN pg_class ic ON ic.oid = i.indexrelid
                 WHERE i.indrelid = c.oid AND i.indisreplident
                 LIMIT 1), '') AS replica_identity_index,
       coalesce(c.reloptions, '{}') AS options,
       CASE WHEN am.amname IS NULL OR am.amname = 'heap' THEN '' ELSE am.amname END
         AS access_method,
       coalesce(ts.spcname, '') AS tablespace,
       pg_get_userbyid(c.relowner) AS owner,
       obj_description(c.oid, 'pg_class') AS comment,
       c.relacl::text AS acl
FROM pg_class c
JOIN scope s ON s.oid = c.relnamespace
LEFT JOIN pg_am am ON am.oid = c.relam
LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace
LEFT JOIN pg_inherits pinh ON c.relispartition AND pinh.inhrelid = c.oid
LEFT JOIN pg_class parent ON parent.oid = pinh.inhparent
LEFT JOIN pg_namespace parent_n ON parent_n.oid = parent.relnamespace
LEFT JOIN LATERAL (
  SELECT array_agg(pn.nspname ORDER BY i.inhseqno) AS schemas,
         array_agg(p.relname ORDER BY i.inhseqno) AS names
  FROM pg_inherits i
  JOIN pg_class p ON p.oid = i.inhparent
  JOIN pg_namespace pn ON pn.oid = p.relnamespace
  WHERE i.inhrelid = c.oid AND NOT c.relispartition
) inh ON true
WHERE c.relkind IN ('r', 'p')
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.deptype = 'e'))
ORDER BY s.nspname, c.relname;
