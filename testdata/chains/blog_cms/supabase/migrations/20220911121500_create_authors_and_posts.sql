-- Authors (one per auth user) and posts with a full-text search column.

create type public.post_status as enum ('draft', 'scheduled', 'published');

create table public.authors (
  id uuid primary key references auth.users (id) on delete cascade,
  email extensions.citext not null,
  display_name text not null,
  bio text,
  avatar_url text,
  twitter_handle varchar(15),
  created_at timestamptz not null default now(),
  constraint authors_email_key unique (email)
);

create table public.posts (
  id bigint generated always as identity primary key,
  author_id uuid not null references public.authors (id) on delete restrict,
  title text not null,
  slug text not null,
  excerpt varchar(300),
  body text not null default '',
  status public.post_status not null default 'draft',
  published_at timestamptz,
  reading_minutes integer,
  metadata jsonb not null default '{}'::jsonb,
  search tsvector generated always as (
    to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(body, ''))
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create unique index posts_slug_lower_key on public.posts (lower(slug));
create index posts_search_idx on public.posts using gin (search);
create index posts_title_trgm_idx on public.posts using gin (title extensions.gin_trgm_ops);
create index posts_author_id_idx on public.posts (author_id);
