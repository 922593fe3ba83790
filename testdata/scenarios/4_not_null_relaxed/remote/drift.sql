-- The new sign-up flow (magic link) no longer asks for a display name, so sign-ups
-- failed on the NOT NULL; it was relaxed in the SQL editor during the incident, and users
-- without a display name have signed up since.

alter table public.profiles alter column display_name drop not null;

insert into auth.users (id, email, raw_user_meta_data) values
  ('0b7c9d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5', 'grace@example.com',
   '{"username": "grace", "display_name": "Grace"}'),
  ('1c8d0e5f-2b3c-4d4e-9f0a-b1c2d3e4f5a6', 'magic@example.com', '{"username": "magic"}');
