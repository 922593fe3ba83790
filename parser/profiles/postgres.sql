-- Platform profile "postgres": what a fresh PostgreSQL 15 database already has that a
-- migration chain relies on. pgdrift replays this script in memory to seed the catalog a
-- chain is replayed on top of (every object it creates is marked as managed), and runs it
-- on throwaway test servers before a chain is applied, where it changes nothing.
-- Server version: PostgreSQL 15 (the public schema is owned by pg_database_owner since 15).
-- Idempotent: every statement can run any number of times.
--
-- The roles a fresh cluster has (the bootstrap superuser postgres and the predefined pg_*
-- roles) cannot be created by SQL; parser/profile.cc seeds them into the catalog.

-- initdb copies the public schema from template1 into every new database; an in-memory
-- catalog starts empty, so the seed has to create it. Owner and comment as pg_namespace
-- and pg_description hold them in a fresh PostgreSQL 15 database.
CREATE SCHEMA IF NOT EXISTS public;
ALTER SCHEMA public OWNER TO pg_database_owner;
-- initdb leaves public usable by everyone (nspacl {pg_database_owner=UC,=U}).
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema';
