-- Privileges: GRANT / REVOKE on schemas, tables, columns, sequences (also named ON
-- TABLE), types, domains, functions and views, ALL … IN SCHEMA, grant options, and
-- ALTER DEFAULT PRIVILEGES (global and per schema) applied when objects are created.
-- Grantees are predefined roles, which every cluster has.
alter default privileges grant usage on schemas to pg_monitor;
create schema app;
grant usage on schema app to pg_read_all_data;
grant create on schema app to pg_monitor with grant option;

alter default privileges in schema app grant select on tables to pg_read_all_data;
alter default privileges grant usage on sequences to pg_monitor;
alter default privileges revoke execute on functions from public;
alter default privileges in schema app grant usage on types to pg_monitor;
alter default privileges for role postgres in schema app
  grant all on functions to pg_write_all_data;

create table app.orders (
  id serial primary key,
  note text,
  total numeric
);
grant select (note), update (note, total) on app.orders to pg_write_all_data;
grant insert, delete on app.orders to pg_write_all_data with grant option;
revoke grant option for insert on app.orders from pg_write_all_data;
revoke truncate on table app.orders from postgres;

create sequence app.counter;
grant all on table app.counter to pg_read_all_data;
grant select, insert on app.counter to pg_signal_backend;
revoke usage on sequence app.counter from pg_monitor;

create type app.mood as enum ('ok', 'meh');
revoke usage on type app.mood from public;
create domain app.email as text;
grant usage on domain app.email to pg_signal_backend;

create function app.add(a integer, b integer) returns integer
  language sql immutable as 'select a + b';
grant execute on function app.add(integer, integer) to pg_signal_backend;

create view app.order_notes as select id, note from app.orders;
grant select (note) on app.order_notes to pg_signal_backend;

grant references on all tables in schema app to pg_monitor;
revoke select on app.orders from pg_read_all_data;

alter default privileges revoke usage on sequences from pg_monitor;
create sequence app.later;
create table public.plain (id integer);
