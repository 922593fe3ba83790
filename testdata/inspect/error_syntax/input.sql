-- Intent: a syntax error is reported with file:line:col and the statement, and the rest
-- of the file still replays (a second error is found too).
create table public.ok_table (id int primary key);

create tabel public.broken (id int);
create table public.after_error (id int, name text,);
create table public.still_fine (id int);
