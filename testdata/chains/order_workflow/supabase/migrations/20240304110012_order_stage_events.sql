-- Keep an append-only history of stage transitions for support and SLA reports.

create table public.order_stage_events (
  id bigint generated always as identity primary key,
  order_id uuid not null references public.orders (id) on delete cascade,
  from_stage public.order_stage,
  to_stage public.order_stage not null,
  changed_by uuid references auth.users (id) on delete set null,
  reason text,
  changed_at timestamptz not null default now(),
  constraint order_stage_events_transition_check check (from_stage is distinct from to_stage)
);

create index order_stage_events_order_id_changed_at_idx
  on public.order_stage_events (order_id, changed_at desc);

alter table public.order_stage_events enable row level security;

alter table public.orders add column cancelled_at timestamptz;
alter table public.orders add column cancel_reason text;
