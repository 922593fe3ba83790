-- Badge printing moved to the vendor; drop its sequence and add waitlist positions.

drop sequence public.badge_batch_seq;

create sequence public.waitlist_position_seq as integer minvalue 1 start with 1 cache 1;

create table public.waitlist (
  event_id bigint not null references public.events (id) on delete cascade,
  attendee_id bigint not null references public.attendees (id) on delete cascade,
  position integer not null default nextval('public.waitlist_position_seq'),
  joined_at timestamptz not null default now(),
  primary key (event_id, attendee_id)
);

create unique index waitlist_event_id_position_key on public.waitlist (event_id, position);

alter table public.venues enable row level security;
alter table public.events enable row level security;
alter table public.attendees enable row level security;
alter table public.tickets enable row level security;
alter table public.gates enable row level security;
alter table public.checkins enable row level security;
alter table public.waitlist enable row level security;
