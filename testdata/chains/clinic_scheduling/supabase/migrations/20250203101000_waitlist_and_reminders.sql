-- Waitlist for fully booked practitioners and reminder preferences per patient.

create table public.waitlist_entries (
  id bigint generated always as identity primary key,
  patient_id uuid not null references auth.users (id) on delete cascade,
  practitioner_id uuid not null references public.practitioners (id) on delete cascade,
  preferred_days smallint[] not null default '{1,2,3,4,5}',
  preferred_window daterange not null,
  priority integer not null default 0,
  created_at timestamptz not null default now(),
  constraint waitlist_entries_patient_id_practitioner_id_key unique (patient_id, practitioner_id)
);

create index waitlist_entries_practitioner_id_priority_idx
  on public.waitlist_entries (practitioner_id, priority desc, created_at);

create table public.reminder_settings (
  patient_id uuid primary key references auth.users (id) on delete cascade,
  sms boolean not null default true,
  email boolean not null default true,
  lead_time interval not null default interval '24 hours',
  quiet_from time not null default '21:00',
  quiet_until time not null default '08:00'
);

alter table public.waitlist_entries enable row level security;
alter table public.reminder_settings enable row level security;
