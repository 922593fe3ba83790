-- Fixture: inside a sub-directory, which the supabase layout does not read.
create table public.old ();
