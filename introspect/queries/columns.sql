-- Columns of the tables tables.sql lists, in pg_attribute.attnum order (dropped and
-- system columns left out), with every property pg_attribute and pg_attrdef keep.
-- Schema scope and extension rule as in tables.sql.
--
-- A column type is returned as the parts of a TypeRef: a pg_catalog type in
-- format_type's spelling with the modifier (character varying(20), timestamp(3) with
-- time zone) and an empty schema; any other type by schema and bare name, its modifier
-- apart ('(1536)'); an array type by its element type (pg_type.typarray points back
-- from the element) with type_array true, one [] whatever the declared dimensions.
--
-- Result columns: table_schema, table_name, position (attnum), name, type_schema,
--   type_name, type_array boolean, type_typmod, collation ('' when pg_type.typcollation
--   of the column type, else schema.name quoted as quote_ident does: pg_catalog."C"),
--   not_null boolean, default_expr (pg_get_expr of adbin; null when none or generated),
--   generated_expr (null unless attgenerated 's'), identity ('' | 'a' always | 'd' by
--   default), statistics_target (attstattarget, -1 = default), storage ('' when
--   pg_type.typstorage, else plain | external | main | extended), compression (''
--   | pglz | lz4), options text[] (attoptions, 'name=value'), inherit_count
--   (attinhcount), is_local boolean (attislocal), comment (null when none), acl
--   (attacl as text, null when no column privileges).
-- Server: PostgreSQL 15 or later (attcompression since 14; attstattarget may be null
--   from 17 on, read as -1). Runs as is in psql.
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
       a.attnum AS position,
       a.attname AS name,
       ct.type_schema,
       ct.type_name,
       ct.type_array,
       ct.type_typmod,
       CASE WHEN a.attcollation = 0 OR a.attcollation = ct.typcollation THEN ''
            ELSE quote_ident(colln.nspname) || '.' || quote_ident(coll.collname)
       END AS collation,
       a.attnotnull AS not_null,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS default_expr,
       CASE WHEN a.attgenerated = 's' THEN pg_get_expr(ad.adbin, ad.adrelid) END
         AS generated_expr,
       a.attidentity::text AS identity,
       coalesce(a.attstattarget, -1) AS statistics_target,
       CASE WHEN a.attstorage = ct.typstorage THEN ''
            ELSE CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external'
                                   WHEN 'm' THEN 'main' WHEN 'x' THEN 'extended' END
       END AS storage,
       CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' ELSE '' END
         AS compression,
       coalesce(a.attoptions, '{}') AS options,
       a.attinhcount AS inherit_count,
       a.attislocal AS is_local,
       col_description(c.oid, a.attnum) AS comment,
       a.attacl::text AS acl
FROM pg_class c
JOIN scope s ON s.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation coll ON coll.oid = a.attcollation
LEFT JOIN pg_namespace colln ON colln.oid = coll.collnamespace
CROSS JOIN LATERAL (
  SELECT CASE WHEN bn.nspname = 'pg_catalog' THEN '' ELSE bn.nspname END AS type_schema,
         CASE WHEN bn.nspname = 'pg_catalog' THEN format_type(b.oid, a.atttypmod)
              ELSE b.typname END AS type_name,
         el.oid IS NOT NULL AS type_array,
         CASE WHEN bn.nspname <> 'pg_catalog' AND a.atttypmod >= 0
              THEN substr(format_type(b.oid, a.atttypmod), length(format_type(b.oid, NULL)) + 1)
              ELSE '' END AS type_typmod,
         ty.typcollation,
         ty.typstorage
  FROM pg_type ty
  LEFT JOIN pg_type el ON el.typarray = ty.oid
  JOIN pg_type b ON b.oid = coalesce(el.oid, ty.oid)
  JOIN pg_namespace bn ON bn.oid = b.typnamespace
  WHERE ty.oid = a.atttypid
) ct
WHERE c.relkind IN ('r', 'p')
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.deptype = 'e'))
ORDER BY s.nspname, c.relname, a.attnum;
