-- Intent: DROP … CASCADE removes dependents (a foreign key, a column of a dropped type,
-- a default on a dropped sequence); IF EXISTS on missing objects only notices.
create type public.color as enum ('red', 'blue');
create sequence public.counter_seq;
create table public.parents (id int primary key);
create table public.children (
  id int primary key,
  parent_id int references public.parents,
  color public.color,
  n int default nextval('public.counter_seq')
);
drop table public.parents cascade;
drop type public.color cascade;
drop sequence public.counter_seq cascade;
drop table if exists public.nothing_here;
drop index if exists public.no_such_index;
