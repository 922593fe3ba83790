-- Row-level security policies: every command, permissive and restrictive, roles,
-- USING and WITH CHECK calling a function, ALTER, RENAME, COMMENT and DROP POLICY.
create function public.current_owner() returns integer
  language sql stable as $$ select 1 $$;

create table public.docs (
  id integer primary key,
  owner integer not null,
  title text not null default '',
  state varchar(10) not null default 'draft'
);
alter table public.docs enable row level security;
alter table public.docs force row level security;

create policy docs_read on public.docs for select using (owner = public.current_owner());
create policy docs_insert on public.docs for insert to current_user
  with check (owner = public.current_owner() and title <> '');
create policy docs_update on public.docs as restrictive for update to pg_read_all_data, postgres
  using (state in ('draft', 'review')) with check (state <> 'archived');
create policy docs_delete on public.docs for delete using (state = 'draft');
create policy docs_all on public.docs using (true);
create policy "Temporary" on public.docs using (false);

alter policy docs_all on public.docs to pg_read_all_data using (id > 0);
alter policy "Temporary" on public.docs rename to docs_old;
comment on policy docs_read on public.docs is 'owners read their documents';
drop policy docs_old on public.docs;
