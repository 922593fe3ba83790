alter table public.comments add column edited_at timestamptz;

create or replace function public.touch_edited_at()
returns trigger
language plpgsql
as $$
begin
  new.edited_at := now();
  return new;
end;
$$;

create trigger set_edited_at
  before update of body on public.comments
  for each row execute function public.touch_edited_at();
