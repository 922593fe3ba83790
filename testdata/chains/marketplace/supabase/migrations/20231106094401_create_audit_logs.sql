-- Audit trail for admin and seller actions (written by the API, read by support).

create table public.audit_logs (
  id bigint generated always as identity primary key,
  actor_id uuid references auth.users (id) on delete set null,
  seller_id uuid references public.sellers (id) on delete set null,
  entity_type text not null,
  entity_id text not null,
  action text not null,
  payload jsonb,
  ip_address inet,
  user_agent text,
  created_at timestamptz not null default now(),
  constraint audit_logs_action_check check (action in ('insert', 'update', 'delete', 'login', 'export'))
);

create index audit_logs_entity_idx on public.audit_logs (entity_type, entity_id);
create index audit_logs_created_at_idx on public.audit_logs using brin (created_at);
create index audit_logs_actor_id_idx on public.audit_logs (actor_id) where actor_id is not null;
