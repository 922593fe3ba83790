-- Editorial review: an in_review state, "scheduled" renamed to "queued", archived posts.

alter type public.post_status add value 'in_review' after 'draft';
alter type public.post_status rename value 'scheduled' to 'queued';
alter type public.post_status add value 'archived';

alter table public.posts add column reviewer_id uuid references public.authors (id) on delete set null;
alter table public.posts add column cover_image_url text;

create index posts_published_at_idx on public.posts (published_at desc nulls last);

alter table public.posts alter column reading_minutes type smallint;
alter table public.posts
  add constraint posts_reading_minutes_check check (reading_minutes > 0);
