-- Sensor readings, range-partitioned by month; a default partition catches late or clock-skewed data.

create table telemetry.readings (
  device_id uuid not null references telemetry.devices (id) on delete cascade,
  recorded_at timestamptz not null,
  metric varchar(48) not null,
  value double precision not null,
  quality smallint not null default 100,
  received_at timestamptz not null default now(),
  primary key (device_id, metric, recorded_at)
) partition by range (recorded_at);

create table telemetry.readings_2024_01 partition of telemetry.readings
  for values from ('2024-01-01 00:00:00+00') to ('2024-02-01 00:00:00+00');
create table telemetry.readings_2024_02 partition of telemetry.readings
  for values from ('2024-02-01 00:00:00+00') to ('2024-03-01 00:00:00+00');
create table telemetry.readings_2024_03 partition of telemetry.readings
  for values from ('2024-03-01 00:00:00+00') to ('2024-04-01 00:00:00+00');
create table telemetry.readings_default partition of telemetry.readings default;

create index readings_recorded_at_brin_idx on telemetry.readings using brin (recorded_at)
  with (pages_per_range = 32);

alter table telemetry.readings enable row level security;
