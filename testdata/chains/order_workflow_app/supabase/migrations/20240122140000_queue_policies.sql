-- Reads: customers see their own orders, warehouse staff (app_metadata.role) see the queue.

create policy "Customers read own orders"
  on public.orders
  for select
  to authenticated
  using ((select auth.uid()) = customer_id);

create policy "Warehouse reads all orders"
  on public.orders
  for select
  to authenticated
  using (((select auth.jwt()) -> 'app_metadata' ->> 'role') = 'warehouse');

create policy "Customers read events of own orders"
  on public.order_events
  for select
  to authenticated
  using (
    exists (
      select 1
      from public.orders o
      where o.id = order_events.order_id
        and o.customer_id = (select auth.uid())
    )
  );

-- What the warehouse screen lists; runs with the caller's rights so the policies apply.
create view public.order_queue
with (security_invoker = true)
as
select o.id, o.stage, o.total_cents, o.created_at,
       now() - o.created_at as waiting
from public.orders o
where o.stage in ('submitted', 'picking')
order by o.created_at;

revoke all on public.order_queue from anon;
grant select on public.order_queue to authenticated;
