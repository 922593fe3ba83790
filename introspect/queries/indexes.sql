-- Indexes of the tables tables.sql lists and of materialized views (pg_index;
-- pg_class.relkind 'i', and 'I' for the index of a partitioned table),
-- constraint-backed ones included. Their key
-- columns and expressions come from index_keys.sql. Schema scope and extension rule
-- (applied to the indexed table) as in tables.sql.
--
-- Result columns: schema, name, table_schema, table_name, unique boolean,
--   nulls_not_distinct boolean (indnullsnotdistinct), method (pg_am.amname), predicate
--   (pg_get_expr of indpred, '' when none), options text[] (reloptions, 'name=value'),
--   tablespace ('' for the database default), constraint_name (the primary key, unique
--   or exclusion constraint whose pg_constraint.conindid is this index, '' otherwise),
--   clustered boolean (indisclustered), valid boolean (indisvalid), partitioned boolean
--   (relkind 'I': the index of a partitioned table), parent_schema and parent_name (the
--   partitioned index this one is attached to, pg_inherits; '' when none), comment (null
--   when none).
-- Server: PostgreSQL 15 or later (indnullsnotdistinct). Runs as is in psql.
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
SELECT idx_n.nspname AS schema,
       ic.relname AS name,
       s.nspname AS table_schema,
       c.relname AS table_name,
       i.indisunique AS unique,
       i.indnullsnotdistinct AS nulls_not_distinct,
       am.amname AS method,
       coalesce(pg_get_expr(i.indpred, i.indrelid), '') AS predicate,
       coalesce(ic.reloptions, '{}') AS options,
       coalesce(ts.spcname, '') AS tablespace,
       coalesce((SELECT con.conname
                 FROM pg_constraint con
                 WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                   AND con.contype IN ('p', 'u', 'x')
                 LIMIT 1), '') AS constraint_name,
       i.indisclustered AS clustered,
       i.indisvalid AS valid,
       ic.relkind = 'I' AS partitioned,
       coalesce(pn.nspname, '') AS parent_schema,
       coalesce(pc.relname, '') AS parent_name,
       obj_description(i.indexrelid, 'pg_class') AS comment
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace idx_n ON idx_n.oid = ic.relnamespace
JOIN pg_class c ON c.oid = i.indrelid
JOIN scope s ON s.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_tablespace ts ON ts.oid = ic.reltablespace
LEFT JOIN pg_inherits inh ON inh.inhrelid = i.indexrelid
LEFT JOIN pg_class pc ON pc.oid = inh.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
WHERE c.relkind IN ('r', 'p', 'm')
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.deptype = 'e'))
ORDER BY idx_n.nspname, ic.relname;
