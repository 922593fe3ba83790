-- Double-entry ledger: currencies and accounts.

create schema if not exists ledger;

create type ledger.account_kind as enum ('asset', 'liability', 'equity', 'revenue', 'expense');

create table ledger.currencies (
  code char(3) primary key,
  name text not null,
  minor_units smallint not null default 2,
  constraint currencies_code_check check (code ~ '^[A-Z]{3}$'),
  constraint currencies_minor_units_check check (minor_units between 0 and 4)
);

create table ledger.accounts (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid references auth.users (id) on delete restrict,
  code varchar(20) not null,
  name text not null,
  kind ledger.account_kind not null,
  currency char(3) not null references ledger.currencies (code),
  balance numeric(18, 2) not null default 0,
  is_system boolean not null default false,
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  constraint accounts_code_key unique (code),
  constraint accounts_closed_at_check check (closed_at is null or closed_at >= opened_at)
);

create index accounts_owner_id_idx on ledger.accounts (owner_id) where owner_id is not null;
