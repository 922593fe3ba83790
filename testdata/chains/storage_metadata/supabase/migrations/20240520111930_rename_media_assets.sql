-- "media" was confusing next to storage.objects; the table becomes public.assets.

alter table public.media_assets rename to assets;
alter index public.media_assets_owner_id_idx rename to assets_owner_id_idx;
alter index public.media_assets_bucket_id_created_at_idx rename to assets_bucket_id_created_at_idx;
alter index public.media_assets_exif_idx rename to assets_exif_idx;
alter table public.assets rename constraint media_assets_object_id_key to assets_object_id_key;
alter table public.assets rename column alt_text to description;

alter table public.assets alter column mime_type set default 'application/octet-stream';

comment on table public.assets is 'One row per file in storage.objects that the app knows about.';
comment on column public.assets.sha256 is 'Lowercase hex digest computed by the upload worker.';
