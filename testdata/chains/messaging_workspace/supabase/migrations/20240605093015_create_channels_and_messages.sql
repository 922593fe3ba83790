-- Channels inside a workspace and the messages posted in them (threads via parent_id).

create table public.channels (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name varchar(80) not null,
  topic text,
  is_private boolean not null default false,
  created_by uuid references auth.users (id) on delete set null,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  constraint channels_workspace_id_name_key unique (workspace_id, name)
);

create table public.messages (
  id bigint generated always as identity primary key,
  channel_id uuid not null references public.channels (id) on delete cascade,
  author_id uuid references auth.users (id) on delete set null,
  parent_id bigint references public.messages (id) on delete cascade,
  body text not null,
  attachments jsonb not null default '[]'::jsonb,
  mentions uuid[] not null default '{}',
  edited_at timestamptz,
  created_at timestamptz not null default now(),
  constraint messages_body_length_check check (char_length(body) <= 40000)
);

create index messages_channel_id_created_at_idx on public.messages (channel_id, created_at desc);
create index messages_parent_id_idx on public.messages (parent_id) where parent_id is not null;
create index messages_mentions_idx on public.messages using gin (mentions);

alter table public.channels enable row level security;
alter table public.messages enable row level security;
