-- Channels inside a workspace, and their messages.

create table public.channels (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  is_private boolean not null default false,
  created_at timestamptz not null default now(),
  unique (workspace_id, name)
);

create table public.messages (
  id bigint generated always as identity primary key,
  channel_id uuid not null references public.channels (id) on delete cascade,
  author_id uuid not null references auth.users (id),
  body text not null check (char_length(body) <= 4000),
  edited_at timestamptz,
  created_at timestamptz not null default now()
);

create index messages_channel_id_created_at_idx on public.messages (channel_id, created_at desc);

alter table public.channels enable row level security;
alter table public.messages enable row level security;

create policy "Members read channels"
  on public.channels for select
  to authenticated
  using (
    exists (
      select 1 from public.memberships m
      where m.workspace_id = channels.workspace_id
        and m.user_id = (select auth.uid())
    )
  );

create policy "Members read messages"
  on public.messages for select
  to authenticated
  using (
    exists (
      select 1
      from public.channels c
      join public.memberships m on m.workspace_id = c.workspace_id
      where c.id = messages.channel_id
        and m.user_id = (select auth.uid())
    )
  );

create policy "Members post messages"
  on public.messages for insert
  to authenticated
  with check (
    author_id = (select auth.uid())
    and exists (
      select 1
      from public.channels c
      join public.memberships m on m.workspace_id = c.workspace_id
      where c.id = messages.channel_id
        and m.user_id = (select auth.uid())
        and m.role <> 'guest'
    )
  );

create policy "Authors edit own messages"
  on public.messages for update
  to authenticated
  using (author_id = (select auth.uid()))
  with check (author_id = (select auth.uid()));
