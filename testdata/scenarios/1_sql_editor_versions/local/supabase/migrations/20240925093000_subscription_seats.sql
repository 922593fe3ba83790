alter table public.subscriptions add column extra_seats integer not null default 0
  check (extra_seats >= 0);
