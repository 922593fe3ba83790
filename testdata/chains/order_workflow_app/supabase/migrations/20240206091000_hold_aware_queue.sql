-- Held orders stay in the queue index, and the RPC refuses to advance a held order
-- without a reason.

drop index public.orders_queue_idx;
create index orders_queue_idx on public.orders (stage, created_at)
  where stage in ('submitted', 'picking', 'on_hold');

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
  if v_from = 'on_hold' and p_reason is null then
    raise exception 'a held order needs a reason to move on' using errcode = '22023';
  end if;

  update public.orders set stage = p_to where id = p_order_id returning * into v_order;

  insert into public.order_events (order_id, from_stage, to_stage, actor, reason)
  values (p_order_id, v_from, p_to, auth.uid(), p_reason);

  return v_order;
end;
$$;

comment on function public.advance_order(uuid, public.order_stage, text) is
  'Moves an order to another stage and records the transition.';

create or replace view public.order_queue
with (security_invoker = true)
as
select o.id, o.stage, o.total_cents, o.created_at,
       now() - o.created_at as waiting
from public.orders o
where o.stage in ('submitted', 'picking', 'on_hold')
order by o.created_at;
