-- Metadata for files uploaded to Supabase Storage (one row per storage object).

create table public.media_assets (
  id uuid primary key default gen_random_uuid(),
  object_id uuid not null references storage.objects (id) on delete cascade,
  bucket_id text not null references storage.buckets (id),
  owner_id uuid references auth.users (id) on delete set null,
  mime_type text not null,
  byte_size integer not null,
  width integer,
  height integer,
  checksum bytea,
  alt_text text,
  created_at timestamptz not null default now(),
  constraint media_assets_object_id_key unique (object_id),
  constraint media_assets_byte_size_check check (byte_size >= 0),
  constraint media_assets_dimensions_check check ((width is null) = (height is null))
);

create index media_assets_owner_id_idx on public.media_assets (owner_id);
create index media_assets_bucket_id_created_at_idx on public.media_assets (bucket_id, created_at desc);

alter table public.media_assets enable row level security;
