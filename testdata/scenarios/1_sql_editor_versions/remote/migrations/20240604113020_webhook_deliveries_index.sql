-- Run in the SQL editor as "webhook deliveries index".

create index webhook_deliveries_webhook_id_created_at_idx
  on public.webhook_deliveries (webhook_id, created_at desc);
