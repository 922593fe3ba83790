-- The attributes of the indexes indexes.sql lists, one row per index attribute in
-- order: key columns and expressions first (1 .. pg_index.indnkeyatts), then INCLUDE
-- columns. An expression key is pg_get_indexdef(indexrelid, position, true), the text
-- PostgreSQL prints for that key alone. Schema scope and extension rule (applied to the
-- indexed table) as in tables.sql.
--
-- Collation and operator class are returned only when not the default, following
-- ruleutils.c pg_get_indexdef_worker: a column key's collation is compared with the
-- column's pg_attribute.attcollation; an expression key's with the collation of the
-- expression, which the catalog does not store, so it counts as non-default exactly when
-- pg_get_indexdef prints a COLLATE clause with it. An operator class counts as default
-- when pg_opclass.opcdefault is set (the key types PostgreSQL accepts for a default
-- class are the ones GetDefaultOpClass would choose it for).
--
-- Result columns: index_schema, index_name, position (1-based), is_key boolean (false
--   for INCLUDE columns), column (the table column's name, '' for an expression),
--   expression ('' for a column), collation ('' when default, else schema.name quoted
--   as quote_ident does: pg_catalog."C"), opclass ('' when default, the bare name for a
--   pg_catalog class, else schema.name unquoted), opclass_options text[] (attoptions of the
--   index attribute, 'name=value'), descending, nulls_first boolean (pg_index.indoption
--   bits 1 and 2).
-- Server: PostgreSQL 15 or later (regcollation since 13, opclass options since 13).
--   Runs as is in psql.
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
SELECT idx_n.nspname AS index_schema,
       ic.relname AS index_name,
       k.position,
       k.position <= i.indnkeyatts AS is_key,
       CASE WHEN i.indkey[k.position - 1] <> 0 THEN ta.attname ELSE '' END AS column,
       CASE WHEN i.indkey[k.position - 1] = 0
            THEN pg_get_indexdef(i.indexrelid, k.position, true) ELSE '' END AS expression,
       CASE WHEN k.position > i.indnkeyatts OR i.indcollation[k.position - 1] = 0 THEN ''
            WHEN i.indkey[k.position - 1] <> 0
                 AND i.indcollation[k.position - 1] = ta.attcollation THEN ''
            WHEN i.indkey[k.position - 1] = 0
                 AND strpos(pg_get_indexdef(i.indexrelid),
                            ' COLLATE ' || i.indcollation[k.position - 1]::regcollation::text) = 0
              THEN ''
            ELSE quote_ident(colln.nspname) || '.' || quote_ident(coll.collname)
       END AS collation,
       CASE WHEN k.position > i.indnkeyatts OR opc.opcdefault THEN ''
            WHEN opcn.nspname = 'pg_catalog' THEN opc.opcname
            ELSE opcn.nspname || '.' || opc.opcname
       END AS opclass,
       coalesce(ia.attoptions, '{}') AS opclass_options,
       k.position <= i.indnkeyatts AND (i.indoption[k.position - 1]::integer & 1) <> 0
         AS descending,
       k.position <= i.indnkeyatts AND (i.indoption[k.position - 1]::integer & 2) <> 0
         AS nulls_first
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace idx_n ON idx_n.oid = ic.relnamespace
JOIN pg_class c ON c.oid = i.indrelid
JOIN scope s ON s.oid = c.relnamespace
CROSS JOIN LATERAL generate_series(1, i.indnatts) AS k(position)
LEFT JOIN pg_attribute ta ON ta.attrelid = i.indrelid AND ta.attnum = i.indkey[k.position - 1]
LEFT JOIN pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k.position
LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k.position - 1]
LEFT JOIN pg_namespace opcn ON opcn.oid = opc.opcnamespace
LEFT JOIN pg_collation coll ON coll.oid = i.indcollation[k.position - 1]
LEFT JOIN pg_namespace colln ON colln.oid = coll.collnamespace
WHERE c.relkind IN ('r', 'p', 'm')
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.deptype = 'e'))
ORDER BY idx_n.nspname, ic.relname, k.position;
