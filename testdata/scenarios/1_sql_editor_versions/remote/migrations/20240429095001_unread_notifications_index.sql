-- Run in the SQL editor as "unread notifications index".

create index notifications_unread_idx on public.notifications (user_id)
  where read_at is null;
