-- Telemetry lives in its own schema; devices are registered here before they can report.

create schema if not exists telemetry;

create type telemetry.device_status as enum ('provisioned', 'online', 'offline', 'retired');

create table telemetry.devices (
  id uuid primary key default gen_random_uuid(),
  serial_number varchar(32) collate "C" not null,
  owner_id uuid references auth.users (id) on delete set null,
  model text not null,
  firmware_version text,
  status telemetry.device_status not null default 'provisioned',
  latitude double precision,
  longitude double precision,
  mac_address macaddr,
  last_ip inet,
  tags text[] not null default '{}',
  installed_on date,
  created_at timestamptz not null default now(),
  constraint devices_serial_number_key unique (serial_number),
  constraint devices_latitude_check check (latitude between -90 and 90),
  constraint devices_longitude_check check (longitude between -180 and 180)
);

alter table telemetry.devices enable row level security;
