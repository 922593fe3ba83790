-- Sequences in scope (pg_class.relkind 'S' with pg_sequence), every option explicit,
-- with the column that owns them: pg_depend from the sequence to a table column with
-- deptype 'a' (OWNED BY, serial) or 'i' (identity column). Sequences that belong to an
-- extension (pg_depend deptype 'e') are left out unless
-- pgdrift.include_extension_objects is 'on'. Schema scope as in types.sql.
--
-- Result columns: schema, name, data_type (format_type of seqtypid: smallint, integer,
--   bigint), start, increment, min_value, max_value, cache (bigint), cycle boolean,
--   unlogged boolean, owned_by_schema, owned_by_table, owned_by_column (null when not
--   owned), identity boolean (owned through deptype 'i'), owner, comment (null when none),
--   acl (relacl as text, null = acldefault).
-- Server: PostgreSQL 10 or later (pg_sequence). Runs as is in psql.
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
       format_type(seq.seqtypid, NULL) AS data_type,
       seq.seqstart AS start,
       seq.seqincrement AS increment,
       seq.seqmin AS min_value,
       seq.seqmax AS max_value,
       seq.seqcache AS cache,
       seq.seqcycle AS cycle,
       c.relpersistence = 'u' AS unlogged,
       owner_n.nspname AS owned_by_schema,
       owner_c.relname AS owned_by_table,
       owner_a.attname AS owned_by_column,
       coalesce(dep.deptype = 'i', false) AS identity,
       pg_get_userbyid(c.relowner) AS owner,
       obj_description(c.oid, 'pg_class') AS comment,
       c.relacl::text AS acl
FROM pg_class c
JOIN scope s ON s.oid = c.relnamespace
JOIN pg_sequence seq ON seq.seqrelid = c.oid
LEFT JOIN pg_depend dep
  ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid AND dep.objsubid = 0
 AND dep.refclassid = 'pg_class'::regclass AND dep.refobjsubid > 0
 AND dep.deptype IN ('a', 'i')
LEFT JOIN pg_class owner_c ON owner_c.oid = dep.refobjid
LEFT JOIN pg_namespace owner_n ON owner_n.oid = owner_c.relnamespace
LEFT JOIN pg_attribute owner_a
  ON owner_a.attrelid = dep.refobjid AND owner_a.attnum = dep.refobjsubid
WHERE c.relkind = 'S'
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.deptype = 'e'))
ORDER BY s.nspname, c.relname;
