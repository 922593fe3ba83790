-- Domains in scope (pg_type.typtype 'd'): base type, collation, default, NOT NULL
-- (pg_type.typnotnull; PostgreSQL 15 keeps no constraint row for it), owner and
-- comment. Their CHECK constraints come from domain_constraints.sql. Schema scope and
-- extension rule as in types.sql.
--
-- Result columns: schema, name, base_type_schema ('' for pg_catalog types),
--   base_type_name (format_type spelling with pg_type.typtypmod for pg_catalog types,
--   else the bare name), base_type_array boolean, base_type_typmod ('' or e.g.
--   '(1536)' for a non-pg_catalog type), collation ('' when the base type's default,
--   else schema.name quoted as quote_ident does), default_expr (pg_get_expr of
--   typdefaultbin, null when none), not_null boolean, owner, comment (null when none), acl (typacl as text,
--   null = acldefault).
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
       t.typname AS name,
       bt.type_schema AS base_type_schema,
       bt.type_name AS base_type_name,
       bt.type_array AS base_type_array,
       bt.type_typmod AS base_type_typmod,
       CASE WHEN t.typcollation = 0 OR t.typcollation = bt.typcollation THEN ''
            ELSE quote_ident(colln.nspname) || '.' || quote_ident(coll.collname)
       END AS collation,
       pg_get_expr(t.typdefaultbin, 0) AS default_expr,
       t.typnotnull AS not_null,
       pg_get_userbyid(t.typowner) AS owner,
       obj_description(t.oid, 'pg_type') AS comment,
       t.typacl::text AS acl
FROM pg_type t
JOIN scope s ON s.oid = t.typnamespace
LEFT JOIN pg_collation coll ON coll.oid = t.typcollation
LEFT JOIN pg_namespace colln ON colln.oid = coll.collnamespace
-- The base type as a TypeRef (see columns.sql).
CROSS JOIN LATERAL (
  SELECT CASE WHEN bn.nspname = 'pg_catalog' THEN '' ELSE bn.nspname END AS type_schema,
         CASE WHEN bn.nspname = 'pg_catalog' THEN format_type(b.oid, t.typtypmod)
              ELSE b.typname END AS type_name,
         el.oid IS NOT NULL AS type_array,
         CASE WHEN bn.nspname <> 'pg_catalog' AND t.typtypmod >= 0
              THEN substr(format_type(b.oid, t.typtypmod), length(format_type(b.oid, NULL)) + 1)
              ELSE '' END AS type_typmod,
         ty.typcollation
  FROM pg_type ty
  LEFT JOIN pg_type el ON el.typarray = ty.oid
  JOIN pg_type b ON b.oid = coalesce(el.oid, ty.oid)
  JOIN pg_namespace bn ON bn.oid = b.typnamespace
  WHERE ty.oid = t.typbasetype
) bt
WHERE t.typtype = 'd'
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid
                        AND d.deptype = 'e'))
ORDER BY s.nspname, t.typname;
