-- Run in the SQL editor as "comments task index".

create index comments_task_id_created_at_idx on public.comments (task_id, created_at);
