-- Availability queries for the booking screen: overloaded by resource id and by name,
-- a set-returning variant, and a price quote with OUT parameters.

create or replace function public.free_slots(p_resource_id bigint, p_day date)
returns table (slot_start timestamptz, slot_end timestamptz)
language plpgsql
stable
as $$
begin
  return query
  select s, s + interval '1 hour'
  from generate_series(p_day::timestamptz + interval '8 hours',
                       p_day::timestamptz + interval '17 hours',
                       interval '1 hour') as s
  where not exists (
    select 1 from public.bookings b
    where b.resource_id = p_resource_id
      and not b.cancelled
      and b.during && tstzrange(s, s + interval '1 hour')
  );
end;
$$;

-- The same, looked up by resource name.
create or replace function public.free_slots(p_resource_name text, p_day date)
returns table (slot_start timestamptz, slot_end timestamptz)
language sql
stable
as $$
  select f.slot_start, f.slot_end
  from public.resources r,
       lateral public.free_slots(r.id, p_day) f
  where r.name = p_resource_name;
$$;

create or replace function public.bookings_for_user(p_user_id uuid)
returns setof public.bookings
language sql
stable
as $$
  select * from public.bookings where user_id = p_user_id and not cancelled order by during;
$$;

create or replace function public.quote(
  in p_resource_id bigint,
  in p_hours integer,
  out net numeric,
  out vat numeric,
  out gross numeric
)
language plpgsql
stable
as $$
begin
  select r.hourly_rate * p_hours into net from public.resources r where r.id = p_resource_id;
  vat := round(net * 0.2, 2);
  gross := net + vat;
end;
$$;
