-- Track edits in the database rather than the client.

create or replace function public.mark_message_edited()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.body is distinct from old.body then
    new.edited_at := now();
  end if;
  return new;
end;
$$;

create trigger mark_message_edited
  before update of body on public.messages
  for each row execute function public.mark_message_edited();

alter table public.messages add column deleted_at timestamptz;

-- Soft-deleted messages disappear from reads.
drop policy "Members read messages" on public.messages;
create policy "Members read messages"
  on public.messages for select
  to authenticated
  using (
    deleted_at is null
    and exists (
      select 1 from public.channels c
      where c.id = messages.channel_id
        and (select public.is_workspace_member(c.workspace_id))
    )
  );
