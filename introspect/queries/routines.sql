-- Functions and procedures in scope (pg_proc.prokind 'f' / 'p'), with everything
-- model::Routine holds except the arguments (routine_args.sql), and the aggregates and
-- window functions in scope (prokind 'a' / 'w'), which pgdrift does not model: the
-- reader reports each of them as a warning. Schema scope as in types.sql; routines that
-- belong to an extension (pg_depend deptype 'e') are the extension's, and those that
-- another object created for itself (deptype 'i': the constructors of a range and
-- multirange type) are that object's.
--
-- Result columns: oid, kind (prokind), schema, name, identity_args
--   (pg_get_function_identity_arguments, for warnings), result (pg_get_function_result;
--   '' for procedures), language (pg_language.lanname), body (prosrc), probin ('' when
--   null), volatility (provolatile), strict, security_definer, leakproof, parallel
--   (proparallel), cost, rows, config (proconfig as text[], each "name=value"),
--   support ('' or schema.name of prosupport, each part quoted as quote_ident does),
--   owner, comment (null when none), acl (proacl as text, null = acldefault).
-- Server: PostgreSQL 15 or later. Run with search_path = '' so types print qualified.
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
SELECT p.oid::bigint AS oid,
       p.prokind::text AS kind,
       s.nspname AS schema,
       p.proname AS name,
       pg_get_function_identity_arguments(p.oid) AS identity_args,
       coalesce(pg_get_function_result(p.oid), '') AS result,
       l.lanname AS language,
       p.prosrc AS body,
       coalesce(p.probin, '') AS probin,
       p.provolatile::text AS volatility,
       p.proisstrict AS strict,
       p.prosecdef AS security_definer,
       p.proleakproof AS leakproof,
       p.proparallel::text AS parallel,
       p.procost::float8::text AS cost,
       p.prorows::float8::text AS rows,
       coalesce(p.proconfig, '{}')::text[] AS config,
       CASE WHEN p.prosupport = 0 THEN ''
            ELSE (SELECT quote_ident(sn.nspname) || '.' || quote_ident(sp.proname)
                  FROM pg_proc sp JOIN pg_namespace sn ON sn.oid = sp.pronamespace
                  WHERE sp.oid = p.prosupport)
       END AS support,
       pg_get_userbyid(p.proowner) AS owner,
       obj_description(p.oid, 'pg_proc') AS comment,
       p.proacl::text AS acl
FROM pg_proc p
JOIN scope s ON s.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE (coalesce(current_setting('pgdrift.include_extension_objects', true), '') = 'on'
       OR NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                        AND d.deptype = 'e'))
  AND NOT EXISTS (SELECT FROM pg_depend d
                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                    AND d.deptype = 'i')
ORDER BY s.nspname, p.proname, p.oid;
