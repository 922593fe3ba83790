-- Retention: January is exported to cold storage and dropped. Hourly rollups are hash-partitioned by device.

drop table telemetry.readings_2024_01;

create table telemetry.hourly_rollups (
  device_id uuid not null,
  metric varchar(48) not null,
  bucket timestamptz not null,
  samples integer not null,
  min_value double precision,
  max_value double precision,
  avg_value double precision,
  primary key (device_id, metric, bucket)
) partition by hash (device_id);

create table telemetry.hourly_rollups_p0 partition of telemetry.hourly_rollups
  for values with (modulus 4, remainder 0);
create table telemetry.hourly_rollups_p1 partition of telemetry.hourly_rollups
  for values with (modulus 4, remainder 1);
create table telemetry.hourly_rollups_p2 partition of telemetry.hourly_rollups
  for values with (modulus 4, remainder 2);
create table telemetry.hourly_rollups_p3 partition of telemetry.hourly_rollups
  for values with (modulus 4, remainder 3);

alter table telemetry.hourly_rollups
  add constraint hourly_rollups_device_id_fkey
  foreign key (device_id) references telemetry.devices (id) on delete cascade;

alter type telemetry.device_status add value 'maintenance' after 'offline';

comment on table telemetry.readings_default is 'Catches readings outside every monthly partition; should stay empty.';
