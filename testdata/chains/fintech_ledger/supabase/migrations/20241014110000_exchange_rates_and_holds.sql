-- FX rates and card authorisation holds; the hold FK is added NOT VALID because the table was backfilled from the card processor.

create table ledger.exchange_rates (
  base char(3) not null references ledger.currencies (code),
  quote char(3) not null references ledger.currencies (code),
  rate numeric(20, 10) not null check (rate > 0),
  valid_from timestamptz not null,
  valid_to timestamptz,
  source text not null default 'ecb',
  primary key (base, quote, valid_from),
  constraint exchange_rates_pair_check check (base <> quote),
  constraint exchange_rates_window_check check (valid_to is null or valid_to > valid_from)
);

create table ledger.holds (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null,
  amount numeric(20, 4) not null check (amount > 0),
  authorization_code varchar(32) not null,
  expires_at timestamptz not null,
  released_at timestamptz,
  captured_entry_id bigint
);

alter table ledger.holds
  add constraint holds_account_id_fkey foreign key (account_id)
  references ledger.accounts (id) on delete cascade not valid;
alter table ledger.holds
  add constraint holds_captured_entry_id_fkey foreign key (captured_entry_id)
  references ledger.journal_entries (id) on delete set null
  deferrable initially deferred not valid;

create index holds_account_id_open_idx on ledger.holds (account_id, expires_at)
  where released_at is null and captured_entry_id is null;

alter table ledger.exchange_rates enable row level security;
alter table ledger.holds enable row level security;
