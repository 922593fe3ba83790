-- Appointments: neither a room nor a practitioner can be double-booked (exclusion constraints on tstzrange).

create type public.appointment_status as enum ('booked', 'checked_in', 'completed', 'no_show', 'cancelled');

create table public.appointments (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references auth.users (id) on delete cascade,
  practitioner_id uuid not null references public.practitioners (id) on delete restrict,
  room_id integer references public.rooms (id) on delete set null,
  during tstzrange not null,
  status public.appointment_status not null default 'booked',
  reason text,
  booked_at timestamptz not null default now(),
  constraint appointments_during_check check (not isempty(during) and lower(during) < upper(during)),
  constraint appointments_practitioner_no_overlap
    exclude using gist (practitioner_id with =, during with &&)
    where (status not in ('cancelled', 'no_show')),
  constraint appointments_room_no_overlap
    exclude using gist (room_id with =, during with &&)
    where (status not in ('cancelled', 'no_show') and room_id is not null)
);

create index appointments_patient_id_idx on public.appointments (patient_id);
create index appointments_during_idx on public.appointments using gist (during);

alter table public.appointments enable row level security;
