-- Tenants and tenant membership; every tenant-owned row will carry tenant_id.

create extension if not exists "uuid-ossp" with schema extensions;

create type public.tenant_role as enum ('owner', 'admin', 'member');

create table public.tenants (
  id uuid primary key default extensions.uuid_generate_v4(),
  slug varchar(48) not null,
  name text not null,
  plan text not null default 'free',
  region text not null default 'eu-west-1',
  created_at timestamptz not null default now(),
  constraint tenants_slug_key unique (slug)
);

create table public.tenant_users (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.tenant_role not null default 'member',
  created_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);

create index tenant_users_user_id_idx on public.tenant_users (user_id);
