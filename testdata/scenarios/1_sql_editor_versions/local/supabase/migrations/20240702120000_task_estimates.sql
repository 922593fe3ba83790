-- Estimates in minutes, for the planning view.

alter table public.tasks add column estimate_minutes integer check (estimate_minutes >= 0);
