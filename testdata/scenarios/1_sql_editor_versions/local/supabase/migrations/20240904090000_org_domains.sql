-- Verified e-mail domains: people signing up with them may join without an invitation.

create table public.org_domains (
  domain text primary key check (domain = lower(domain)),
  org_id uuid not null references public.organizations (id) on delete cascade,
  verified_at timestamptz
);

create index org_domains_org_id_idx on public.org_domains (org_id);

alter table public.org_domains enable row level security;
