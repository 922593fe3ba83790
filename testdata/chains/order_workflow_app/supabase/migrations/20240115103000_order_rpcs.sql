-- Clients never write orders directly: every change goes through these RPCs, which check
-- ownership and the allowed transitions and record an event.

create or replace function public.submit_order(p_order_id uuid)
returns public.orders
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_order public.orders;
begin
  update public.orders
     set stage = 'submitted'
   where id = p_order_id
     and customer_id = auth.uid()
     and stage = 'draft'
  returning * into v_order;

  if not found then
    raise exception 'order % cannot be submitted', p_order_id using errcode = 'P0002';
  end if;

  insert into public.order_events (order_id, from_stage, to_stage, actor)
  values (p_order_id, 'draft', 'submitted', auth.uid());

  return v_order;
end;
$$;

create or replace function public.advance_order(
  p_order_id uuid,
  p_to public.order_stage,
  p_reason text default null
)
returns public.orders
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_from public.order_stage;
  v_order public.orders;
begin
  select stage into v_from from public.orders where id = p_order_id for update;
  if v_from is null then
    raise exception 'order % not found', p_order_id using errcode = 'P0002';
  end if;

  update public.orders set stage = p_to where id = p_order_id returning * into v_order;

  insert into public.order_events (order_id, from_stage, to_stage, actor, reason)
  values (p_order_id, v_from, p_to, auth.uid(), p_reason);

  return v_order;
end;
$$;

create or replace function public.cancel_order(p_order_id uuid, p_reason text)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.orders
     set stage = 'cancelled'
   where id = p_order_id
     and customer_id = auth.uid()
     and stage in ('draft', 'submitted');
  insert into public.order_events (order_id, to_stage, actor, reason)
  values (p_order_id, 'cancelled', auth.uid(), p_reason);
$$;

-- The RPCs are the only write path.
revoke insert, update, delete on table public.orders from anon, authenticated;
revoke insert, update, delete on table public.order_events from anon, authenticated;

revoke execute on function public.submit_order(uuid) from public, anon;
revoke execute on function public.advance_order(uuid, public.order_stage, text) from public, anon;
revoke execute on function public.cancel_order(uuid, text) from public, anon;
grant execute on function public.submit_order(uuid) to authenticated;
grant execute on function public.advance_order(uuid, public.order_stage, text) to authenticated;
grant execute on function public.cancel_order(uuid, text) to authenticated;
