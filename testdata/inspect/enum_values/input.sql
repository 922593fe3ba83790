-- Intent: enum labels in sort order after ADD VALUE BEFORE/AFTER/IF NOT EXISTS and
-- RENAME VALUE.
create type public.stage as enum ('new', 'cutting', 'done');
alter type public.stage add value 'sewing' after 'cutting';
alter type public.stage add value 'queued' before 'cutting';
alter type public.stage add value if not exists 'done';
alter type public.stage add value 'archived';
alter type public.stage rename value 'new' to 'received';
create table public.work_orders (id int primary key, stage public.stage not null default 'received');
