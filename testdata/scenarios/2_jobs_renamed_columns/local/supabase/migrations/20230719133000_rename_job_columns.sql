-- Align names with the worker library: owner -> user_id, tries -> attempts,
-- inserted_at -> created_at. The existing policies follow the renames.

alter table public.jobs rename column owner to user_id;
alter table public.jobs rename column tries to attempts;
alter table public.jobs rename column inserted_at to created_at;
alter index public.jobs_status_run_at_idx rename to jobs_queued_run_at_idx;
