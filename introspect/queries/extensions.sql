-- Extensions: every pg_extension row except those installed into pg_catalog (plpgsql,
-- which initdb creates in every database). Extensions are in scope whatever schema they
-- live in: a user may install one into a managed schema (extensions, for Supabase).
--
-- CREATE EXTENSION sets the comment of the extension's control file; a migration never
-- writes that one, so only a comment that differs from it counts (null otherwise).
--
-- Result columns: name text, schema text, version text, comment text (null when none).
-- Server: PostgreSQL 15 or later. Runs as is in psql.
SELECT e.extname AS name,
       n.nspname AS schema,
       e.extversion AS version,
       nullif(obj_description(e.oid, 'pg_extension'),
              (SELECT a.comment FROM pg_available_extensions a WHERE a.name = e.extname))
         AS comment
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE n.nspname <> 'pg_catalog'
ORDER BY e.extname;
