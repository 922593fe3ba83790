-- Replay errors are findings of severity error: a syntax error, a missing relation, and
-- a table created twice. The statements around them still replay.
create table public.items (
  id bigint primary key
);
create tabel public.broken (id int);
alter table public.missing add column note text;
create table public.items (id bigint);
insert into public.items values (1);
