alter table public.invitations add column resent_count integer not null default 0;
alter table public.invitations add column last_sent_at timestamptz;
