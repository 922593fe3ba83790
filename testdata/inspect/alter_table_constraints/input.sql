-- Intent: ALTER TABLE constraint sub-commands: add, NOT VALID then VALIDATE, rename,
-- drop, alter deferral, add using index.
create table public.users (id uuid primary key, email text not null);
create table public.posts (id bigint, author_id uuid, slug text, title text);
alter table public.posts add constraint posts_pkey primary key (id);
alter table public.posts add constraint posts_author_fk foreign key (author_id)
  references public.users (id) not valid;
alter table public.posts validate constraint posts_author_fk;
alter table public.posts add constraint posts_title_len check (length(title) < 200);
alter table public.posts rename constraint posts_title_len to posts_title_length_check;
alter table public.posts alter constraint posts_author_fk deferrable initially deferred;
create unique index posts_slug_idx on public.posts (slug);
alter table public.posts add constraint posts_slug_key unique using index posts_slug_idx;
alter table public.posts drop constraint posts_title_length_check;
alter table public.posts drop constraint if exists no_such_constraint;
