-- Intent: creating what exists is an error unless IF NOT EXISTS says otherwise.
create table public.users (id int primary key);
create table public.users (id int);
create table if not exists public.users (id int);
create type public.status as enum ('a');
create type public.status as enum ('b');
create index users_id_idx on public.users (id);
create index users_id_idx on public.users (id);
create sequence public.users;
