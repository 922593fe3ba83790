-- Intent: one run lists every problem across files, each with its file:line:col.
create table public.customers (id int primary key, email text);
alter table public.customers add column email text;
