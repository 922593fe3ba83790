-- Long bookings get a discount: same signature, new body.

create or replace function public.price_quote(
  in p_resource_id bigint,
  in p_hours integer,
  out net numeric,
  out vat numeric,
  out gross numeric
)
language plpgsql
stable
parallel safe
set search_path = ''
as $$
begin
  select r.hourly_rate * p_hours into net from public.resources r where r.id = p_resource_id;
  if p_hours >= 8 then
    net := round(net * 0.9, 2);
  end if;
  vat := round(net * 0.2, 2);
  gross := net + vat;
end;
$$;

-- A third overload: quote by name with a default duration.
create or replace function public.price_quote(p_resource_name text, p_hours integer default 1)
returns numeric
language sql
stable
set search_path = ''
as $$
  select (public.price_quote(r.id, p_hours)).gross from public.resources r where r.name = p_resource_name;
$$;

drop function public.bookings_for_user(uuid);

create or replace function public.my_bookings()
returns setof public.bookings
language sql
stable
security invoker
set search_path = ''
as $$
  select * from public.bookings where user_id = (select auth.uid()) and not cancelled order by during;
$$;
