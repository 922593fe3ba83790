-- Fixture: no <digits>_ prefix, so the Supabase CLI skips this file with a warning.
create index profiles_username_idx on public.profiles (username);
