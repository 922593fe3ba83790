create table public.tags (
  id bigint generated always as identity primary key,
  note_id bigint not null references public.notes (id),
  label text not null
);
create index tags_note_id_idx on public.tags (note_id);
alter table public.notes add column created_at timestamptz not null default now();
