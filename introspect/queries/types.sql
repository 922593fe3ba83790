-- User types in scope: enums (labels in pg_enum.enumsortorder order), composite types
-- made by CREATE TYPE … AS (pg_class.relkind 'c'; their attributes come from
-- composite_attributes.sql) and ranges (pg_range). Array, multirange, base and pseudo
-- types and the row types of tables are not listed. Types that belong to an extension
-- (pg_depend deptype 'e') are left out unless pgdrift.include_extension_objects is 'on'.
--
-- Schema scope, as in every per-kind query: not pg_catalog, information_schema,
-- pg_toast*, pg_temp*, nor a schema of the setting pgdrift.excluded_schemas (text[]);
-- only schemas of pgdrift.schemas (text[]) when that is set.
--
-- Result columns: schema, name, kind ('enum' | 'composite' | 'range'), owner, comment
--   (null when none), enum_labels text[] (null unless enum); for ranges: subtype_schema
--   ('' for pg_catalog types), subtype_name (format_type spelling for pg_catalog types,
--   else the bare name), subtype_array boolean, subtype_typmod, subtype_opclass
--   ('' when the subtype's default), collation ('' when the subtype's default, else
--   schema.name: pg_catalog."C"), canonical and subtype_diff ('' when none),
--   multirange_name (the bare name of pg_range.rngmultitypid) and
--   multirange_elsewhere (true when that type is not in the range's schema: the model
--   keeps a multirange in its range's schema, so the reader warns). Operator classes and
--   functions are named bare when in pg_catalog, else schema.name, each part quoted as
--   quote_ident does.
-- acl: typacl as text (null = acldefault).
-- Server: PostgreSQL 15 or later (multiranges since 14). Runs as is in psql.
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
       CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'c' THEN 'composite' ELSE 'range' END AS kind,
       pg_get_userbyid(t.typowner) AS owner,
       obj_description(t.oid, 'pg_type') AS comment,
       (SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder)
        FROM pg_enum e
        WHERE e.enumtypid = t.oid) AS enum_labels,
       coalesce(st.type_schema, '') AS subtype_schema,
       coalesce(st.type_name, '') AS subtype_name,
       coalesce(st.type_array, false) AS subtype_array,
       coalesce(st.type_typmod, '') AS subtype_typmod,
       CASE WHEN r.rngsubopc IS NULL OR opc.opcdefault THEN ''
            WHEN opcn.nspname = 'pg_catalog' THEN opc.opcname
            ELSE quote_ident(opcn.nspname) || '.' || quote_ident(opc.opcname)
       END AS subtype_opclass,
       CASE WHEN r.rngcollation IS NULL OR r.rngcollation = 0
                 OR r.rngcollation = sub.typcollation THEN ''
            ELSE quote_ident(colln.nspname) || '.' || quote_ident(coll.collname)
       END AS collation,
       CASE WHEN r.rngcanonical IS NULL OR r.rngcanonical = 0 THEN ''
            WHEN canon_n.nspname = 'pg_catalog' THEN canon.proname
            ELSE quote_ident(canon_n.nspname) || '.' || quote_ident(canon.proname)
       END AS canonical,
       CASE WHEN r.rngsubdiff IS NULL OR r.rngsubdiff = 0 THEN ''
            WHEN diff_n.nspname = 'pg_catalog' THEN diff.proname
            ELSE quote_ident(diff_n.nspname) || '.' || quote_ident(diff.proname)
       END AS subtype_diff,
       coalesce(mt.typname, '') AS multirange_name,
       coalesce(mt.typnamespace <> t.typnamespace, false) AS multirange_elsewhere,
       t.typacl::text AS acl
FROM pg_type t
JOIN scope s ON s.oid = t.typnamespace
LEFT JOIN pg_class c ON c.oid = t.typrelid
LEFT JOIN pg_range r ON r.rngtypid = t.oid
LEFT JOIN pg_type sub ON sub.oid = r.rngsubtype
LEFT JOIN pg_opclass opc ON opc.oid = r.rngsubopc
LEFT JOIN pg_namespace opcn ON opcn.oid = opc.opcnamespace
LEFT JOIN pg_collation coll ON coll.oid = r.rngcollation
LEFT JOIN pg_namespace colln ON colln.oid = coll.collnamespace
LEFT JOIN pg_proc canon ON canon.oid = r.rngcanonical
LEFT JOIN pg_namespace canon_n ON canon_n.oid = canon.pronamespace
LEFT JOIN pg_proc diff ON diff.oid = r.rngsubdiff
LEFT JOIN pg_namespace diff_n ON diff_n.oid = diff.pronamespace
LEFT JOIN pg_type mt ON mt.oid = r.rngmultitypid
-- The subtype as a TypeRef: pg_catalog types in format_type's spelling, others by
-- schema and bare name; an array type by its element (pg_type.typarray points back).
LEFT JOIN LATERAL (
  SELECT CASE WHEN bn.nspname = 'pg_catalog' THEN '' ELSE bn.nspname END AS type_schema,
         CASE WHEN bn.nspname = 'pg_catalog' THEN format_type(b.oid, -1)
              ELSE b.typname END AS type_name,
         el.oid IS NOT NULL AS type_array,
         '' AS type_typmod
  FROM pg_type ty
  LEFT JOIN pg_type el ON el.typarray = ty.oid
  JOIN pg_type b ON b.oid = coalesce(el.oid, ty.oid)
  JOIN pg_namespace bn ON bn.oid = b.typnamespace
  WHERE ty.oid = r.rngsubtype
) st ON true
WHERE (t.typtype IN ('e', 'r') OR (t.typtype = 'c' AND c.relkind = 'c'))
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid
                        AND d.deptype = 'e'))
ORDER BY s.nspname, t.typname;
