-- Clinics, rooms and practitioners for the appointment booking app.

create extension if not exists btree_gist with schema extensions;

create table public.clinics (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  phone varchar(20),
  opening_hours json,
  office_network cidr,
  timezone text not null default 'Europe/London',
  created_at timestamptz not null default now()
);

create table public.rooms (
  id integer generated always as identity primary key,
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  label varchar(20) not null,
  floor smallint,
  area_m2 real,
  equipment text[] not null default '{}',
  constraint rooms_clinic_id_label_key unique (clinic_id, label)
);

create table public.practitioners (
  id uuid primary key references auth.users (id) on delete cascade,
  clinic_id uuid not null references public.clinics (id) on delete restrict,
  registration_no varchar(16) not null unique,
  specialty text not null,
  accepting_patients boolean not null default true,
  slot_minutes smallint not null default 15 check (slot_minutes in (10, 15, 20, 30, 60))
);

alter table public.clinics enable row level security;
alter table public.rooms enable row level security;
alter table public.practitioners enable row level security;
