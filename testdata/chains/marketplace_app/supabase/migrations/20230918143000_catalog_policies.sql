-- Anyone may browse active products; sellers manage their own; buyers see their orders.

create policy "Active products are public"
  on public.products for select
  to anon, authenticated
  using (active);

create policy "Sellers manage own products"
  on public.products for all
  to authenticated
  using ((select auth.uid()) = seller_id)
  with check ((select auth.uid()) = seller_id);

create policy "Sellers read own profile"
  on public.sellers for select
  using ((select auth.uid()) = id);

create policy "Buyers read own orders"
  on public.orders for select
  to authenticated
  using ((select auth.uid()) = buyer_id);

create policy "Buyers read own order items"
  on public.order_items for select
  to authenticated
  using (
    order_id in (
      select id from public.orders where buyer_id = (select auth.uid())
    )
  );
