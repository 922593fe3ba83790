-- Security advisor findings: pin search_path on every function, rename the quote helper,
-- and tune the planner hints.

alter function public.free_slots(bigint, date) set search_path = '';
alter function public.free_slots(text, date) set search_path = public, pg_temp;
alter function public.bookings_for_user(uuid) set search_path = '' ;
alter function public.bookings_for_user(uuid) rows 20 cost 50;
alter function public.quote(bigint, integer) rename to price_quote;
alter function public.price_quote(bigint, integer) set search_path = '';
alter function public.price_quote(bigint, integer) parallel safe;
alter procedure public.book(bigint, uuid, tstzrange) set search_path = '';
alter procedure public.book(text, uuid, tstzrange) set search_path = '';
alter function public.free_slots(bigint, date) set statement_timeout = '2s';
alter function public.free_slots(bigint, date) reset statement_timeout;
alter function public.free_slots(bigint, date) set work_mem = '8MB';

comment on function public.free_slots(bigint, date) is 'Free one-hour slots between 08:00 and 18:00.';
comment on function public.free_slots(text, date) is 'free_slots by resource name.';
comment on procedure public.book(bigint, uuid, tstzrange) is 'Books a resource; fails on overlap.';
