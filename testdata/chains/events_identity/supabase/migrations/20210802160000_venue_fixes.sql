-- venues.created_at should be timestamptz like everything else; tickets.scanned_at moved to checkins.

alter table public.venues
  alter column created_at type timestamptz using created_at at time zone 'UTC';
alter table public.venues alter column timezone drop default;
alter table public.venues add column seating_map jsonb;
alter table public.venues add column coordinates point;

alter table public.tickets drop column scanned_at;
alter table public.tickets
  add constraint tickets_price_check check (price >= 0);
alter table public.tickets
  add constraint tickets_tier_check check (tier in ('standard', 'vip', 'student', 'comp'));

alter table public.events add column tags text[] not null default '{}';
alter table public.events add column ticket_limits integer[];
