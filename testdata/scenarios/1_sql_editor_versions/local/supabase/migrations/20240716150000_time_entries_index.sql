create index time_entries_task_id_started_at_idx on public.time_entries (task_id, started_at);
