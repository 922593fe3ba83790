-- A progress view students update through an INSTEAD OF trigger, and a statement-level
-- trigger with a transition table that keeps course lesson counts.

alter table public.courses add column lesson_count integer not null default 0;

create view public.my_progress
with (security_invoker = true)
as
select e.course_id,
       c.title,
       e.completed_lessons,
       c.lesson_count,
       case when c.lesson_count = 0 then 0
            else e.completed_lessons * 100 / c.lesson_count end as percent
from public.enrollments e
join public.courses c on c.id = e.course_id
where e.student_id = (select auth.uid());

create or replace function public.my_progress_update()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  update public.enrollments
     set completed_lessons = least(new.completed_lessons, old.lesson_count)
   where course_id = old.course_id
     and student_id = (select auth.uid());
  return new;
end;
$$;

create trigger my_progress_update
  instead of update on public.my_progress
  for each row execute function public.my_progress_update();

grant select, update on public.my_progress to authenticated;
revoke all on public.my_progress from anon;

create or replace function public.refresh_lesson_counts()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.courses c
     set lesson_count = (select count(*) from public.lessons l where l.course_id = c.id)
   where c.id in (select course_id from changed_lessons);
  return null;
end;
$$;

create trigger lessons_refresh_counts_insert
  after insert on public.lessons
  referencing new table as changed_lessons
  for each statement execute function public.refresh_lesson_counts();

create trigger lessons_refresh_counts_delete
  after delete on public.lessons
  referencing old table as changed_lessons
  for each statement execute function public.refresh_lesson_counts();
