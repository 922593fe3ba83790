-- Videos overflowed integer byte sizes; also replace the md5 checksum with sha256 hex and add EXIF.

alter table public.media_assets alter column byte_size type bigint;

alter table public.media_assets drop column checksum;
alter table public.media_assets add column sha256 char(64);
alter table public.media_assets
  add constraint media_assets_sha256_check check (sha256 ~ '^[0-9a-f]{64}$');

alter table public.media_assets add column exif jsonb;
alter table public.media_assets add column duration_ms integer;
alter table public.media_assets add column blurhash varchar(64);

create index media_assets_exif_idx on public.media_assets using gin (exif jsonb_path_ops)
  where exif is not null;

alter type public.image_variant add value 'original' before 'thumb';
