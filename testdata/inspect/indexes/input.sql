-- Intent: every index feature: unique, partial, expression, INCLUDE, methods, operator
-- classes, sort order and NULLS placement, storage options.
create table public.documents (
  id bigint primary key,
  owner_id uuid not null,
  title text not null,
  body jsonb,
  created_at timestamptz not null,
  rank int
);
create unique index documents_owner_title_key on public.documents (owner_id, lower(title));
create index documents_recent_idx on public.documents (created_at desc nulls last) include (title)
  where rank is not null;
create index documents_body_idx on public.documents using gin (body jsonb_path_ops);
create index documents_created_brin on public.documents using brin (created_at) with (pages_per_range = 32);
create index documents_rank_idx on public.documents (rank asc nulls first, id desc);
create index documents_title_c on public.documents (title collate "C" text_pattern_ops);
create index if not exists documents_rank_idx on public.documents (rank);
