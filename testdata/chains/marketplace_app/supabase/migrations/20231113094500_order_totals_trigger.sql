-- Keep orders.total in step with its items, and let buyers check out through an RPC.

create or replace function public.recalculate_order_total()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.orders o
     set total = coalesce((
       select sum(i.quantity * i.unit_price)
       from public.order_items i
       where i.order_id = o.id
     ), 0)
   where o.id = coalesce(new.order_id, old.order_id);
  return null;
end;
$$;

create trigger order_items_recalculate_total
  after insert or update or delete on public.order_items
  for each row execute function public.recalculate_order_total();

create or replace function public.checkout()
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_order_id uuid;
begin
  insert into public.orders (buyer_id) values (auth.uid()) returning id into v_order_id;

  insert into public.order_items (order_id, product_id, quantity, unit_price)
  select v_order_id, c.product_id, c.quantity, p.price
  from public.cart_items c
  join public.products p on p.id = c.product_id
  where c.user_id = auth.uid();

  delete from public.cart_items where user_id = auth.uid();
  return v_order_id;
end;
$$;

revoke execute on function public.checkout() from public, anon;
grant execute on function public.checkout() to authenticated;

comment on trigger audit_orders on public.orders is 'Writes one audit_logs row per change.';
