-- Intent: statements pgdrift does not model are warnings that name them, never silent;
-- transaction wrappers and other settings are accepted quietly.
begin;
set statement_timeout = 0;
create table public.tasks (id int primary key, title text);
insert into public.tasks values (1, 'first');
update public.tasks set title = 'x';
do $$ begin raise notice 'hello; world'; end $$;
create function public.touch() returns trigger language plpgsql as $$
begin
  new.title := coalesce(new.title, '');  -- a semicolon; inside the body
  return new;
end;
$$;
create view public.task_titles as select title from public.tasks;
commit;
