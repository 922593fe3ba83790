-- Intent: functions and procedures keep their signatures, defaults, results, bodies and
-- attributes as pg_proc stores them; overloads are separate objects; OR REPLACE keeps
-- the comment; CREATE AGGREGATE is reported as not modelled.
create type public.mood as enum ('happy', 'sad');
create table public.orders (id integer primary key, mood public.mood, total numeric);

create function public.add(a integer, b integer default 1) returns integer
  language sql immutable strict parallel safe
  as $$select a + b$$;
create function public.add(a text, b text default 'x') returns text
  language sql immutable
  as 'select a || b';
comment on function public.add(integer, integer) is 'adds integers';

create function public.orders_by_mood(m public.mood) returns setof public.orders
  language sql stable rows 50
  as $$select * from public.orders where mood = m$$;

create function public.order_totals(min_total numeric default 0)
  returns table(id integer, total numeric)
  language plpgsql stable
  as $body$
begin
  return query select o.id, o.total from public.orders o where o.total >= min_total;
end;
$body$;

create function public.split_name(full_name text, out first_name text, out last_name text)
  language sql immutable
  as $$select split_part(full_name, ' ', 1), split_part(full_name, ' ', 2)$$;

create function public.same_total(n public.orders.total%type) returns numeric
  language sql as 'select n';

create function public.secret() returns text
  language plpgsql security definer set search_path = ''
  as $$begin return current_user; end$$;

create procedure public.bump(in order_id integer, inout total numeric)
  language plpgsql
  as $$
begin
  total := total + 1;
end
$$;
comment on procedure public.bump(integer, numeric) is 'adds one';

create or replace function public.add(a integer, b integer default 2) returns integer
  language sql immutable strict parallel safe
  as $$select a + b$$;

alter function public.secret() cost 10 set work_mem = '64MB';

create function public.to_drop() returns void language sql as '';
drop function public.to_drop;
drop function if exists public.missing(integer);

create aggregate public.total_sum(numeric) (sfunc = numeric_add, stype = numeric);
