-- Carts live in the database so they follow the user across devices.

create table public.cart_items (
  user_id uuid not null references auth.users (id) on delete cascade,
  product_id bigint not null references public.products (id) on delete cascade,
  quantity integer not null default 1 check (quantity between 1 and 99),
  added_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (user_id, product_id)
);

alter table public.cart_items enable row level security;

create policy "Users manage own cart"
  on public.cart_items for all
  to authenticated
  using ((select auth.uid()) = user_id)
  with check ((select auth.uid()) = user_id);

create trigger handle_updated_at before update on public.cart_items
  for each row execute procedure extensions.moddatetime (updated_at);

-- Cart totals per user, priced at today's price.
create view public.cart_totals
with (security_invoker = on)
as
select c.user_id,
       count(*) as items,
       sum(c.quantity * p.price) as total
from public.cart_items c
join public.products p on p.id = c.product_id
group by c.user_id;
