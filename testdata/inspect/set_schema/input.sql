-- Intent: ALTER … SET SCHEMA moves a table with its indexes and owned sequences, and
-- types and sequences on their own.
create schema archive;
create type public.mood as enum ('ok', 'sad');
create sequence public.standalone_seq;
create table public.diary (id serial primary key, mood public.mood, body text);
create index diary_body_idx on public.diary (body);
alter table public.diary set schema archive;
alter type public.mood set schema archive;
alter sequence public.standalone_seq set schema archive;
