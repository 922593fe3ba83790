-- Row level security for projects. Written on a branch after the table existed there,
-- but created with an earlier timestamp than the branch that creates the table, so it
-- sorts before it: `supabase db reset` fails here ("relation "public.projects" does not
-- exist"), while production ran the two files in the order they were merged.

alter table public.projects enable row level security;

create policy "Team members read projects"
  on public.projects for select
  to authenticated
  using (exists (
    select 1 from public.team_members m
    where m.team_id = projects.team_id and m.user_id = (select auth.uid())
  ));

create policy "Team owners manage projects"
  on public.projects for all
  to authenticated
  using (exists (
    select 1 from public.team_members m
    where m.team_id = projects.team_id and m.user_id = (select auth.uid())
      and m.role = 'owner'
  ))
  with check (exists (
    select 1 from public.team_members m
    where m.team_id = projects.team_id and m.user_id = (select auth.uid())
      and m.role = 'owner'
  ));
