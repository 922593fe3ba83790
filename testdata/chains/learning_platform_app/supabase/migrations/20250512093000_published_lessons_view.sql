-- An updatable view for instructors' lesson editor with a check option, and cleanup: the
-- old per-statement counters give way to a row trigger, and the lesson policy is
-- rewritten without the helper for instructors.

create view public.draft_lessons
with (security_invoker = true)
as
select l.id, l.course_id, l.position, l.title, l.body
from public.lessons l
where l.body is null
with local check option;

grant select, insert, update on public.draft_lessons to authenticated;
revoke all on public.draft_lessons from anon;

drop function public.refresh_lesson_counts() cascade;

create or replace function public.bump_lesson_count()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    update public.courses set lesson_count = lesson_count + 1 where id = new.course_id;
    return new;
  end if;
  update public.courses set lesson_count = lesson_count - 1 where id = old.course_id;
  return old;
end;
$$;

create trigger lessons_bump_count
  after insert or delete on public.lessons
  for each row execute function public.bump_lesson_count();

drop policy "Students read lessons of enrolled courses" on public.lessons;
create policy "Students read lessons of enrolled courses"
  on public.lessons for select
  to authenticated
  using ((select private.is_enrolled(course_id)));

create policy "Instructors manage lessons"
  on public.lessons for all
  to authenticated
  using (exists (
    select 1 from public.courses c
    where c.id = lessons.course_id and c.instructor_id = (select auth.uid())
  ));

create or replace function private.is_enrolled(p_course_id bigint)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.enrollments
    where course_id = p_course_id
      and student_id = (select auth.uid())
  ) or exists (
    select 1 from public.courses
    where id = p_course_id and instructor_id = (select auth.uid())
  );
$$;

revoke usage, select on all sequences in schema public from anon;
