-- Emoji reactions, and drop the mentions array (moved to a proper table).

create table public.message_reactions (
  message_id bigint not null references public.messages (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  emoji varchar(32) not null,
  created_at timestamptz not null default now(),
  primary key (message_id, user_id, emoji)
);

create table public.message_mentions (
  message_id bigint not null references public.messages (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  primary key (message_id, user_id)
);

create index message_mentions_user_id_idx on public.message_mentions (user_id);

drop index public.messages_mentions_idx;
alter table public.messages drop column mentions;

alter table public.message_reactions enable row level security;
alter table public.message_mentions enable row level security;

comment on table public.saved_views is 'Inbox views; owner_id null means shared with the whole workspace.';
