-- The arguments of the routines routines.sql reads, one row each in declaration order
-- (pg_proc.proallargtypes when there are output arguments, else proargtypes). The
-- type is a TypeRef as columns.sql returns one; argument types carry no modifier.
--
-- Result columns: oid (the routine's), position (1-based), mode (proargmodes letter,
--   'i' when proargmodes is null), name ('' when unnamed), type_schema ('' for
--   pg_catalog types), type_name, type_array, type_typmod (always ''), default_expr
--   (pg_get_function_arg_default; null when none).
-- Server: PostgreSQL 15 or later. Run with search_path = '' so defaults print qualified.
SELECT p.oid::bigint AS oid,
       a.position::integer AS position,
       coalesce(p.proargmodes[a.position]::text, 'i') AS mode,
       coalesce(p.proargnames[a.position], '') AS name,
       CASE WHEN bn.nspname = 'pg_catalog' THEN '' ELSE bn.nspname END AS type_schema,
       CASE WHEN bn.nspname = 'pg_catalog' THEN format_type(b.oid, NULL)
            ELSE b.typname END AS type_name,
       el.oid IS NOT NULL AS type_array,
       '' AS type_typmod,
       pg_get_function_arg_default(p.oid, a.position::integer) AS default_expr
FROM pg_proc p
CROSS JOIN LATERAL unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]))
  WITH ORDINALITY AS a(type_oid, position)
JOIN pg_type ty ON ty.oid = a.type_oid
LEFT JOIN pg_type el ON el.typarray = ty.oid AND ty.typelem <> 0
JOIN pg_type b ON b.oid = coalesce(el.oid, ty.oid)
JOIN pg_namespace bn ON bn.oid = b.typnamespace
WHERE p.prokind IN ('f', 'p')
  AND p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
ORDER BY p.oid, a.position;
