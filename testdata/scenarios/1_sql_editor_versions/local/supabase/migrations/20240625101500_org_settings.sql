-- One row of settings per organization.

create table public.org_settings (
  org_id uuid primary key references public.organizations (id) on delete cascade,
  timezone text not null default 'UTC',
  week_starts_on smallint not null default 1 check (week_starts_on between 0 and 6),
  updated_at timestamptz not null default now()
);

alter table public.org_settings enable row level security;

create policy "Members read settings"
  on public.org_settings for select
  to authenticated
  using (public.is_org_member(org_id));
