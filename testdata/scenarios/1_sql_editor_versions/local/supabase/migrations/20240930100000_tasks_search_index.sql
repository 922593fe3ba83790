create index tasks_title_lower_idx on public.tasks (lower(title));
