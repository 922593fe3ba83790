-- Teams and their members; membership is what the project policies check.

create table public.teams (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  created_at timestamptz not null default now()
);

create table public.team_members (
  team_id uuid not null references public.teams (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'member' check (role in ('owner', 'member')),
  primary key (team_id, user_id)
);

alter table public.teams enable row level security;
alter table public.team_members enable row level security;

create policy "Members read their teams"
  on public.teams for select
  to authenticated
  using (exists (
    select 1 from public.team_members m
    where m.team_id = teams.id and m.user_id = (select auth.uid())
  ));
