-- User triggers (pg_trigger, tgisinternal false) on the tables, partitioned tables and
-- views in scope, and on the tables of excluded (platform-managed) schemas when the
-- trigger function lives outside every excluded schema: a trigger a user adds to
-- auth.users is theirs, the platform's own triggers on its tables are not. Triggers a
-- partition inherits from its partitioned table (tgparentid <> 0) are left out: they
-- come with the parent's. Triggers that belong to an extension (pg_depend deptype 'e'),
-- or whose relation does, are left out unless pgdrift.include_extension_objects is
-- 'on'. Schema scope as in tables.sql.
--
-- Result columns: schema, relation (the table or view), relkind ('r', 'p', 'v'), name,
--   definition (pg_get_triggerdef, for the WHEN condition), type integer (tgtype bits),
--   enabled (tgenabled: 'O', 'D', 'R', 'A'), columns text[] (the UPDATE OF columns in
--   tgattr order), nargs integer (tgnargs), args_hex (tgargs in hex: each argument
--   followed by a zero byte), function_schema, function_name, is_constraint boolean
--   (tgconstraint <> 0), deferrable, initially_deferred boolean, referenced_schema and
--   referenced_name (tgconstrrelid, null when none), old_table, new_table (tgoldtable,
--   tgnewtable, '' when none), comment (null when none).
-- Server: PostgreSQL 15 or later (tgparentid). Runs as is in psql.
WITH excluded AS (
  SELECT coalesce(nullif(current_setting('pgdrift.excluded_schemas', true), ''), '{}')::text[]
           AS schemas
),
scope AS (
  SELECT n.oid, n.nspname, n.nspname = ANY (e.schemas) AS excluded
  FROM pg_namespace n, excluded e
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname !~ '^pg_toast'
    AND n.nspname !~ '^pg_temp_'
    AND (coalesce(current_setting('pgdrift.schemas', true), '') IN ('', '{}')
         OR n.nspname = ANY (current_setting('pgdrift.schemas', true)::text[]))
)
SELECT s.nspname AS schema,
       c.relname AS relation,
       c.relkind::text AS relkind,
       t.tgname AS name,
       pg_get_triggerdef(t.oid) AS definition,
       t.tgtype::integer AS type,
       t.tgenabled::text AS enabled,
       coalesce((SELECT array_agg(a.attname ORDER BY k.ord)
                 FROM unnest(t.tgattr::int2[]) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.attnum),
                '{}') AS columns,
       t.tgnargs::integer AS nargs,
       encode(t.tgargs, 'hex') AS args_hex,
       fn.nspname AS function_schema,
       p.proname AS function_name,
       t.tgconstraint <> 0 AS is_constraint,
       t.tgdeferrable AS deferrable,
       t.tginitdeferred AS initially_deferred,
       ref_n.nspname AS referenced_schema,
       ref.relname AS referenced_name,
       coalesce(t.tgoldtable::text, '') AS old_table,
       coalesce(t.tgnewtable::text, '') AS new_table,
       obj_description(t.oid, 'pg_trigger') AS comment
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN scope s ON s.oid = c.relnamespace
JOIN pg_proc p ON p.oid = t.tgfoid
JOIN pg_namespace fn ON fn.oid = p.pronamespace
LEFT JOIN pg_class ref ON ref.oid = t.tgconstrrelid
LEFT JOIN pg_namespace ref_n ON ref_n.oid = ref.relnamespace
CROSS JOIN excluded e
WHERE NOT t.tgisinternal
  AND t.tgparentid = 0
  AND c.relkind IN ('r', 'p', 'v')
  AND (NOT s.excluded
       OR (c.relkind IN ('r', 'p')
           AND NOT fn.nspname::text = ANY (e.schemas)))
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.deptype = 'e'
                        AND ((d.classid = 'pg_trigger'::regclass AND d.objid = t.oid)
                             OR (d.classid = 'pg_class'::regclass AND d.objid = c.oid))))
ORDER BY s.nspname, c.relname, t.tgname;
