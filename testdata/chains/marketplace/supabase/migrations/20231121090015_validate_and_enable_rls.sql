-- Validate the seller FK added yesterday and switch on RLS everywhere (policies live in the app repo's next stage).

alter table public.order_items validate constraint order_items_seller_id_fkey;

create index order_items_seller_id_idx on public.order_items (seller_id);

alter table public.sellers enable row level security;
alter table public.products enable row level security;
alter table public.orders enable row level security;
alter table public.order_items enable row level security;
alter table public.cart_items enable row level security;
alter table public.audit_logs enable row level security;
alter table public.audit_logs force row level security;
