-- Device events (alarms, reboots), list-partitioned by severity so criticals stay small and hot.

create type telemetry.event_severity as enum ('debug', 'info', 'warning', 'critical');

create table telemetry.device_events (
  id bigint generated always as identity,
  device_id uuid not null references telemetry.devices (id) on delete cascade,
  severity telemetry.event_severity not null,
  code varchar(32) not null,
  details jsonb,
  occurred_at timestamptz not null default now(),
  primary key (id, severity)
) partition by list (severity);

create table telemetry.device_events_critical partition of telemetry.device_events
  for values in ('critical');
create table telemetry.device_events_warning partition of telemetry.device_events
  for values in ('warning');
create table telemetry.device_events_other partition of telemetry.device_events
  for values in ('debug', 'info');

create index device_events_device_id_occurred_at_idx
  on telemetry.device_events (device_id, occurred_at desc);
create index device_events_critical_unacked_idx
  on telemetry.device_events_critical (occurred_at)
  where details ->> 'acked_at' is null;
