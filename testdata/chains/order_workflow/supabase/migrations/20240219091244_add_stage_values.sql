-- Warehouse asked for a packing step, an on-hold state and cancellations.

alter type public.order_stage add value 'packed' after 'picking';
alter type public.order_stage add value 'on_hold' before 'submitted';
alter type public.order_stage add value if not exists 'cancelled';
