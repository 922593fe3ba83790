-- order_items.seller_id was never constrained; add the FK without a long lock, validate next.

alter table public.order_items
  add constraint order_items_seller_id_fkey
  foreign key (seller_id) references public.sellers (id) on delete restrict
  not valid;

alter table public.orders add column shipping_address jsonb;
alter table public.orders add column notes varchar(500);

alter table public.products drop column currency;
alter table public.products
  add constraint products_stock_check check (stock >= 0);
