-- Schemas in scope: every schema except the system ones (pg_catalog,
-- information_schema, pg_toast*, pg_temp*). A schema listed in the setting
-- pgdrift.excluded_schemas (a text[] literal such as '{auth,storage}', usually the
-- managed schemas of a platform profile) is returned with excluded = true: the schema
-- exists, its contents are out of scope. When pgdrift.schemas is set (a text[]
-- literal), schemas not listed there are left out. Schemas that belong to an extension
-- (pg_depend deptype 'e') are left out unless pgdrift.include_extension_objects is 'on'.
--
-- Result columns: name text, owner text, comment text (null when none), acl (nspacl
--   as text, null = acldefault), excluded boolean.
-- Server: PostgreSQL 15 or later. Runs as is in psql; unset settings mean "no filter".
SELECT n.nspname AS name,
       pg_get_userbyid(n.nspowner) AS owner,
       obj_description(n.oid, 'pg_namespace') AS comment,
       n.nspacl::text AS acl,
       n.nspname = ANY (coalesce(nullif(current_setting('pgdrift.excluded_schemas', true), ''),
                                 '{}')::text[]) AS excluded
FROM pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_toast'
  AND n.nspname !~ '^pg_temp_'
  AND (coalesce(current_setting('pgdrift.schemas', true), '') IN ('', '{}')
       OR n.nspname = ANY (current_setting('pgdrift.schemas', true)::text[]))
  AND (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid
                        AND d.deptype = 'e'))
ORDER BY n.nspname;
