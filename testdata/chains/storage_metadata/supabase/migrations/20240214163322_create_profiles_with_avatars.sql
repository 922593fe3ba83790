-- User profiles whose avatar points at an object in the avatars bucket.

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  username varchar(32) not null,
  full_name text,
  avatar_object_id uuid references storage.objects (id) on delete set null,
  website text,
  updated_at timestamptz,
  constraint profiles_username_key unique (username),
  constraint profiles_username_length_check check (char_length(username) >= 3)
);

alter table public.profiles enable row level security;
