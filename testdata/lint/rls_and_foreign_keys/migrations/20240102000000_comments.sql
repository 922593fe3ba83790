create table public.comments (
  todo_id bigint not null references public.todos (id),
  n integer not null,
  author uuid not null references auth.users (id),
  body text not null,
  primary key (todo_id, n)
);
alter table public.comments enable row level security;

create table public.likes (
  todo_id bigint not null,
  author uuid not null,
  constraint likes_todo_fkey foreign key (todo_id) references public.todos (id)
);
create index likes_author_todo_idx on public.likes (author, todo_id);
create index likes_recent_idx on public.likes (todo_id) where author is not null;
