-- Align column names with the worker library (scheduled_at, attempt_count, worker_id, state).

alter table public.jobs rename column run_at to scheduled_at;
alter table public.jobs rename column attempts to attempt_count;
alter table public.jobs rename column locked_by to worker_id;
alter table public.jobs rename column status to state;

alter index public.jobs_pending_idx rename to jobs_ready_idx;
alter index public.jobs_locked_at_idx rename to jobs_worker_lock_idx;

alter table public.jobs rename constraint jobs_status_check to jobs_state_check;
alter table public.jobs rename constraint jobs_attempts_check to jobs_attempt_count_check;

alter table public.job_runs rename column worker to worker_id;
