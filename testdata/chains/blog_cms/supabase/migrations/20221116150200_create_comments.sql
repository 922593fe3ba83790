-- Reader comments, threaded, with anonymous commenters identified by email.

create type public.comment_status as enum ('pending', 'approved', 'spam');

create table public.comments (
  id bigint generated always as identity primary key,
  post_id bigint not null references public.posts (id) on delete cascade,
  parent_id bigint references public.comments (id) on delete cascade,
  user_id uuid references auth.users (id) on delete set null,
  author_email extensions.citext not null,
  author_name varchar(80) not null,
  body text not null,
  status public.comment_status not null default 'pending',
  ip_address inet,
  created_at timestamptz not null default now(),
  constraint comments_body_check check (char_length(body) between 1 and 5000)
);

create index comments_post_id_created_at_idx on public.comments (post_id, created_at)
  where status = 'approved';
create index comments_pending_idx on public.comments (created_at) where status = 'pending';

alter table public.authors enable row level security;
alter table public.posts enable row level security;
alter table public.tags enable row level security;
alter table public.post_tags enable row level security;
alter table public.comments enable row level security;
