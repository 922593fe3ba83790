-- Platform admins carry role = 'admin' in their JWT (set by a custom access token hook).
-- Service-side jobs use the service_role key.

create policy "Admins manage all courses"
  on public.courses for all
  to authenticated
  using ((select auth.jwt()) ->> 'role' = 'admin')
  with check ((select auth.jwt()) ->> 'role' = 'admin');

create policy "Admins read all enrollments"
  on public.enrollments for select
  to authenticated
  using ((select auth.jwt()) ->> 'role' = 'admin');

create policy "Service enrolls students"
  on public.enrollments for insert
  with check ((select auth.role()) = 'service_role');

alter table public.enrollments force row level security;

-- Students may only bump their progress.
revoke update on public.enrollments from authenticated;
grant update (completed_lessons) on public.enrollments to authenticated;
revoke all on public.enrollments from anon;
