-- Intent: range, list and hash partitioning, a default partition, indexes and keys on
-- the partitioned parent, attach and detach.
create table public.readings (
  device_id int not null,
  taken_at timestamptz not null,
  value double precision,
  primary key (device_id, taken_at)
) partition by range (taken_at);
create table public.readings_2024 partition of public.readings
  for values from ('2024-01-01') to ('2025-01-01');
create table public.readings_default partition of public.readings default;
create index on public.readings (taken_at);
create table public.regions (code text not null, name text) partition by list (code);
create table public.regions_eu partition of public.regions for values in ('de', 'fr');
create table public.buckets (id bigint not null) partition by hash (id);
create table public.buckets_0 partition of public.buckets for values with (modulus 2, remainder 0);
create table public.readings_2025 (device_id int not null, taken_at timestamptz not null, value double precision);
alter table public.readings attach partition public.readings_2025
  for values from ('2025-01-01') to ('2026-01-01');
alter table public.regions detach partition public.regions_eu;
