-- Table constraints of the tables tables.sql lists: primary key, unique, check, foreign
-- key and exclusion (pg_constraint.contype p, u, c, f, x). NOT NULL is a column
-- attribute in PostgreSQL 15 and comes from columns.sql. What the backing index of a
-- primary key, unique or exclusion constraint holds (INCLUDE columns, NULLS NOT
-- DISTINCT, exclusion elements, predicate, storage options) is read from that index in
-- indexes.sql and index_keys.sql, named here by index_schema and index_name. Schema
-- scope and extension rule as in tables.sql.
--
-- Result columns: table_schema, table_name, name, type (contype), columns text[] (conkey
--   column names in key order), expression (check: pg_get_expr of conbin, '' for other
--   types), referenced_schema, referenced_table (foreign key, null otherwise),
--   referenced_columns text[] (confkey names in order), on_update, on_delete
--   (confupdtype, confdeltype: a r c n d, '' unless foreign key), on_delete_set_columns
--   text[] (confdelsetcols names), match (confmatchtype: s f p), deferrable,
--   initially_deferred, validated, no_inherit boolean, index_schema, index_name (the
--   backing index of p, u, x; null otherwise), exclusion_operators text[] (conexclop:
--   the operator name, schema-qualified when not in pg_catalog), comment (null when none).
-- Server: PostgreSQL 15 or later (confdelsetcols). Runs as is in psql.
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
SELECT s.nspname AS table_schema,
       c.relname AS table_name,
       con.conname AS name,
       con.contype::text AS type,
       coalesce((SELECT array_agg(a.attname ORDER BY k.ord)
                 FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
                '{}') AS columns,
       CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid) ELSE '' END
         AS expression,
       ref_n.nspname AS referenced_schema,
       ref.relname AS referenced_table,
       coalesce((SELECT array_agg(a.attname ORDER BY k.ord)
                 FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum),
                '{}') AS referenced_columns,
       CASE WHEN con.contype = 'f' THEN con.confupdtype::text ELSE '' END AS on_update,
       CASE WHEN con.contype = 'f' THEN con.confdeltype::text ELSE '' END AS on_delete,
       coalesce((SELECT array_agg(a.attname ORDER BY k.ord)
                 FROM unnest(con.confdelsetcols) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
                '{}') AS on_delete_set_columns,
       CASE WHEN con.contype = 'f' THEN con.confmatchtype::text ELSE '' END AS match,
       con.condeferrable AS deferrable,
       con.condeferred AS initially_deferred,
       con.convalidated AS validated,
       con.connoinherit AS no_inherit,
       CASE WHEN con.contype IN ('p', 'u', 'x') THEN idx_n.nspname END AS index_schema,
       CASE WHEN con.contype IN ('p', 'u', 'x') THEN idx.relname END AS index_name,
       coalesce((SELECT array_agg(CASE WHEN opn.nspname = 'pg_catalog' THEN o.oprname
                                       ELSE quote_ident(opn.nspname) || '.' || o.oprname END
                                  ORDER BY k.ord)
                 FROM unnest(con.conexclop) WITH ORDINALITY AS k(op, ord)
                 JOIN pg_operator o ON o.oid = k.op
                 JOIN pg_namespace opn ON opn.oid = o.oprnamespace),
                '{}') AS exclusion_operators,
       obj_description(con.oid, 'pg_constraint') AS comment
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN scope s ON s.oid = c.relnamespace
LEFT JOIN pg_class ref ON ref.oid = con.confrelid
LEFT JOIN pg_namespace ref_n ON ref_n.oid = ref.relnamespace
LEFT JOIN pg_class idx ON idx.oid = con.conindid
LEFT JOIN pg_namespace idx_n ON idx_n.oid = idx.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND con.contype IN ('p', 'u', 'c', 'f', 'x')
  -- A foreign key that references a partitioned table gets one internal pg_constraint
  -- row per referenced partition, on the same referencing table (addFkRecurseReferenced
  -- in tablecmds.c); those follow from the parent row. Clones on the referencing
  -- table's partitions (another conrelid) are real constraints of those partitions.
  AND NOT EXISTS (SELECT FROM pg_constraint parent
                  WHERE parent.oid = con.conparentid AND parent.conrelid = con.conrelid)
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.deptype = 'e'))
ORDER BY s.nspname, c.relname, con.conname;
