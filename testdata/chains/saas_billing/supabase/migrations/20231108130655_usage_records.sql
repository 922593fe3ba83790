-- Metered billing: usage records per subscription item, plus a seats column fix.

create table billing.usage_records (
  id bigint generated always as identity primary key,
  subscription_id uuid not null references billing.subscriptions (id) on delete cascade,
  metric varchar(64) not null,
  quantity numeric(18, 6) not null check (quantity >= 0),
  recorded_at timestamptz not null default now(),
  idempotency_key uuid not null default gen_random_uuid(),
  constraint usage_records_idempotency_key_key unique (idempotency_key)
);

create index usage_records_recorded_at_idx on billing.usage_records using brin (recorded_at);
create index usage_records_subscription_id_metric_idx
  on billing.usage_records (subscription_id, metric, recorded_at desc);

alter table billing.usage_records enable row level security;

alter table billing.plans rename column seats_included to included_seats;
alter table billing.plans alter column included_seats type integer;
alter table billing.customers alter column email set not null;
