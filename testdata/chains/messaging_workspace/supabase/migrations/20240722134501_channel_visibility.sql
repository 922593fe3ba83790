-- Replace the is_private flag with a visibility column (public, private, shared with other workspaces).

alter table public.channels
  alter column is_private drop default;
alter table public.channels
  alter column is_private type text
  using case when is_private then 'private' else 'public' end;
alter table public.channels rename column is_private to visibility;
alter table public.channels alter column visibility set default 'public';
alter table public.channels
  add constraint channels_visibility_check check (visibility in ('public', 'private', 'shared'));

create index channels_workspace_id_idx on public.channels (workspace_id) where archived_at is null;
