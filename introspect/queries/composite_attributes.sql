-- Attributes of the composite types types.sql lists (CREATE TYPE … AS (…)), in
-- pg_attribute.attnum order; dropped attributes are left out. Same schema scope and
-- extension rule as types.sql.
--
-- Result columns: type_schema, type_name (the composite type), position (attnum),
--   name, attr_type_schema ('' for pg_catalog types), attr_type_name (format_type
--   spelling with the modifier for pg_catalog types, else the bare name),
--   attr_type_array boolean, attr_type_typmod (the modifier text of a non-pg_catalog
--   type, e.g. '(1536)', else ''), collation ('' when the type's default, else
--   schema.name quoted as quote_ident does, e.g. pg_catalog."C").
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
SELECT s.nspname AS type_schema,
       t.typname AS type_name,
       a.attnum AS position,
       a.attname AS name,
       at.type_schema AS attr_type_schema,
       at.type_name AS attr_type_name,
       at.type_array AS attr_type_array,
       at.type_typmod AS attr_type_typmod,
       CASE WHEN a.attcollation = 0 OR a.attcollation = at.typcollation THEN ''
            ELSE quote_ident(colln.nspname) || '.' || quote_ident(coll.collname)
       END AS collation
FROM pg_type t
JOIN scope s ON s.oid = t.typnamespace
JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_collation coll ON coll.oid = a.attcollation
LEFT JOIN pg_namespace colln ON colln.oid = coll.collnamespace
-- The attribute type as a TypeRef (see columns.sql).
CROSS JOIN LATERAL (
  SELECT CASE WHEN bn.nspname = 'pg_catalog' THEN '' ELSE bn.nspname END AS type_schema,
         CASE WHEN bn.nspname = 'pg_catalog' THEN format_type(b.oid, a.atttypmod)
              ELSE b.typname END AS type_name,
         el.oid IS NOT NULL AS type_array,
         CASE WHEN bn.nspname <> 'pg_catalog' AND a.atttypmod >= 0
              THEN substr(format_type(b.oid, a.atttypmod), length(format_type(b.oid, NULL)) + 1)
              ELSE '' END AS type_typmod,
         ty.typcollation
  FROM pg_type ty
  LEFT JOIN pg_type el ON el.typarray = ty.oid
  JOIN pg_type b ON b.oid = coalesce(el.oid, ty.oid)
  JOIN pg_namespace bn ON bn.oid = b.typnamespace
  WHERE ty.oid = a.atttypid
) at
WHERE t.typtype = 'c'
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid
                        AND d.deptype = 'e'))
ORDER BY s.nspname, t.typname, a.attnum;
