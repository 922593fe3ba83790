-- Audit every change to orders and order items: who, what, before and after.

create table public.audit_logs (
  id bigint generated always as identity primary key,
  table_name text not null,
  record_id text,
  operation text not null check (operation in ('INSERT', 'UPDATE', 'DELETE')),
  old_data jsonb,
  new_data jsonb,
  changed_by uuid default auth.uid(),
  changed_at timestamptz not null default now()
);

create index audit_logs_table_name_changed_at_idx on public.audit_logs (table_name, changed_at desc);

alter table public.audit_logs enable row level security;
-- Nobody reads the audit log through the API; service_role bypasses RLS.
revoke all on table public.audit_logs from anon, authenticated;

create or replace function public.audit_row_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    insert into public.audit_logs (table_name, record_id, operation, old_data)
    values (tg_table_name, old.id::text, tg_op, to_jsonb(old));
    return old;
  elsif tg_op = 'UPDATE' then
    insert into public.audit_logs (table_name, record_id, operation, old_data, new_data)
    values (tg_table_name, new.id::text, tg_op, to_jsonb(old), to_jsonb(new));
    return new;
  else
    insert into public.audit_logs (table_name, record_id, operation, new_data)
    values (tg_table_name, new.id::text, tg_op, to_jsonb(new));
    return new;
  end if;
end;
$$;

revoke execute on function public.audit_row_change() from public, anon, authenticated;

create trigger audit_orders
  after insert or update or delete on public.orders
  for each row execute function public.audit_row_change();
