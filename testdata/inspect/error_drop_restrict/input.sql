-- Intent: DROP without CASCADE is refused when other objects depend on the target.
create table public.authors (id int primary key);
create table public.books (id int primary key, author_id int references public.authors);
drop table public.authors;
create type public.genre as enum ('poetry');
alter table public.books add column genre public.genre;
drop type public.genre;
drop index public.authors_pkey;
