-- Door scanners: a small gates table (smallserial) and a check-in log with its own identity.

create table public.gates (
  id smallserial primary key,
  venue_id integer not null references public.venues (id) on delete cascade,
  label varchar(16) not null,
  constraint gates_venue_id_label_key unique (venue_id, label)
);

create table public.checkins (
  id bigint generated always as identity (start with 1 increment by 1 cache 50) primary key,
  ticket_id bigint not null references public.tickets (id) on delete cascade,
  gate_id smallint references public.gates (id) on delete set null,
  scanned_at timestamptz not null default now(),
  device_ip inet
);

create index checkins_ticket_id_idx on public.checkins (ticket_id);
create index checkins_scanned_at_idx on public.checkins using brin (scanned_at);

create sequence public.badge_batch_seq
  as bigint
  start with 1
  increment by 1
  no minvalue
  no maxvalue
  no cycle;
