-- Keep updated_at honest on the tables the board edits.

create or replace function public.set_updated_at()
returns trigger
language plpgsql
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

create trigger set_updated_at
  before update on public.projects
  for each row execute function public.set_updated_at();

create trigger set_updated_at
  before update on public.tasks
  for each row execute function public.set_updated_at();
