-- Run in the SQL editor as "create task labels".

create table public.task_labels (
  task_id bigint not null references public.tasks (id) on delete cascade,
  label_id bigint not null references public.labels (id) on delete cascade,
  primary key (task_id, label_id)
);

alter table public.task_labels enable row level security;
