-- Booking writes as procedures (called from edge functions with the service role), with an
-- overload that books by resource name.

create or replace procedure public.book(p_resource_id bigint, p_user_id uuid, p_during tstzrange)
language plpgsql
as $$
begin
  insert into public.bookings (resource_id, user_id, during)
  values (p_resource_id, p_user_id, p_during);
end;
$$;

create or replace procedure public.book(p_resource_name text, p_user_id uuid, p_during tstzrange)
language plpgsql
as $$
declare
  v_id bigint;
begin
  select id into strict v_id from public.resources where name = p_resource_name;
  call public.book(v_id, p_user_id, p_during);
end;
$$;

create or replace procedure public.cancel_booking(p_booking_id bigint, inout p_cancelled boolean default null)
language plpgsql
as $$
begin
  update public.bookings set cancelled = true where id = p_booking_id and not cancelled;
  p_cancelled := found;
end;
$$;

revoke execute on procedure public.book(bigint, uuid, tstzrange) from public, anon, authenticated;
revoke execute on procedure public.book(text, uuid, tstzrange) from public, anon, authenticated;
revoke execute on procedure public.cancel_booking(bigint, boolean) from public, anon, authenticated;
