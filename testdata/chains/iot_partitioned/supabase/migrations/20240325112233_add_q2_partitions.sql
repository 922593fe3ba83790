-- Add Q2 partitions ahead of time and a unit column requested by the dashboard team.

create table telemetry.readings_2024_04 partition of telemetry.readings
  for values from ('2024-04-01 00:00:00+00') to ('2024-05-01 00:00:00+00');
create table telemetry.readings_2024_05 partition of telemetry.readings
  for values from ('2024-05-01 00:00:00+00') to ('2024-06-01 00:00:00+00');
create table telemetry.readings_2024_06 partition of telemetry.readings
  for values from ('2024-06-01 00:00:00+00') to ('2024-07-01 00:00:00+00');

alter table telemetry.readings add column unit varchar(16);

create index readings_metric_recorded_at_idx
  on telemetry.readings (metric, recorded_at desc);
