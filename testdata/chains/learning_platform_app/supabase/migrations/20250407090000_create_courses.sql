-- Courses, lessons and enrollments. Helpers that policies call live in a private schema
-- the API does not expose.

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated;

create table public.courses (
  id bigint generated always as identity primary key,
  instructor_id uuid not null references auth.users (id),
  title text not null,
  published boolean not null default false,
  created_at timestamptz not null default now()
);

create table public.lessons (
  id bigint generated always as identity primary key,
  course_id bigint not null references public.courses (id) on delete cascade,
  position integer not null,
  title text not null,
  body text,
  unique (course_id, position)
);

create table public.enrollments (
  course_id bigint not null references public.courses (id) on delete cascade,
  student_id uuid not null references auth.users (id) on delete cascade,
  enrolled_at timestamptz not null default now(),
  completed_lessons integer not null default 0,
  primary key (course_id, student_id)
);

alter table public.courses enable row level security;
alter table public.lessons enable row level security;
alter table public.enrollments enable row level security;

create function private.is_enrolled(p_course_id bigint)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.enrollments
    where course_id = p_course_id and student_id = (select auth.uid())
  );
$$;

create function private.is_instructor(p_course_id bigint)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.courses
    where id = p_course_id and instructor_id = (select auth.uid())
  );
$$;

revoke execute on all functions in schema private from public;
grant execute on all functions in schema private to authenticated;

create policy "Published courses are public"
  on public.courses for select
  to anon, authenticated
  using (published);

create policy "Instructors manage own courses"
  on public.courses for all
  to authenticated
  using (instructor_id = (select auth.uid()))
  with check (instructor_id = (select auth.uid()));

create policy "Students read lessons of enrolled courses"
  on public.lessons for select
  to authenticated
  using ((select private.is_enrolled(course_id)) or (select private.is_instructor(course_id)));

create policy "Students see own enrollments"
  on public.enrollments for select
  to authenticated
  using (student_id = (select auth.uid()));
