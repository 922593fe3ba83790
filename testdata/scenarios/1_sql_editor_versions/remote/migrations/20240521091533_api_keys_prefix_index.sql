-- Run in the SQL editor as "api keys prefix index".

create index api_keys_prefix_idx on public.api_keys (prefix) where revoked_at is null;
