alter table public.projects add column color text not null default '#4f46e5';
