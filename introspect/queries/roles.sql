-- Roles: every role of the cluster (roles are cluster-wide), so that owners and grants
-- replayed on top of an introspected catalog find the roles they name, and which one the
-- session runs as.
--
-- Result columns: name text, is_current boolean (the role current_user names).
-- Server: PostgreSQL 15 or later. Runs as is in psql.
SELECT r.rolname AS name,
       r.rolname = current_user AS is_current
FROM pg_roles r
ORDER BY r.rolname;
