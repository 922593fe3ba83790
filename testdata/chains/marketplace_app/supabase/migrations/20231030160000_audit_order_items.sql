-- order_items has no id column: audit it with a dedicated function keyed on order_id.

create or replace function public.audit_order_item_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.audit_logs (table_name, record_id, operation, old_data, new_data)
  values (
    tg_table_name,
    coalesce(new.order_id, old.order_id)::text,
    tg_op,
    case when tg_op <> 'INSERT' then to_jsonb(old) end,
    case when tg_op <> 'DELETE' then to_jsonb(new) end
  );
  return coalesce(new, old);
end;
$$;

revoke execute on function public.audit_order_item_change() from public, anon, authenticated;

create trigger audit_order_items
  after insert or update or delete on public.order_items
  for each row execute function public.audit_order_item_change();

-- Status changes only: skip the audit row when nothing but updated_at moved.
drop trigger audit_orders on public.orders;
create trigger audit_orders
  after insert or delete or update of status, total on public.orders
  for each row execute function public.audit_row_change();

create trigger audit_orders_status
  after update on public.orders
  for each row
  when (old.status is distinct from new.status)
  execute function public.audit_row_change();
