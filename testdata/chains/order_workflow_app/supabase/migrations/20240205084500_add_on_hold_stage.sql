-- Support needs to park an order without cancelling it.

alter type public.order_stage add value 'on_hold' after 'picking';
