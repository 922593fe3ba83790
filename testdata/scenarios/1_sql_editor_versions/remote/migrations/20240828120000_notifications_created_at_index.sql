-- Run in the SQL editor as "notifications created at index".

create index notifications_user_id_created_at_idx
  on public.notifications (user_id, created_at desc);
