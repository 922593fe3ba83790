-- Intent: unqualified names follow search_path as PostgreSQL resolves them, with SET and
-- pg_dump's set_config form.
create schema app;
set search_path to app, public;
create table accounts (id int primary key);
create table public.audit (id int primary key, account_id int references accounts);
select pg_catalog.set_config('search_path', '', false);
create table public.notes (id int primary key);
set search_path = public;
create index on notes (id);
reset search_path;
create table plain_table (id int);
